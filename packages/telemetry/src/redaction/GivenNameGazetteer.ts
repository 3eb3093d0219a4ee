/**
 * Given names nobody introduced ("I saw Priya yesterday", "tell john"): a gazetteer of given names
 * from many languages, with the reviewed lists in nameWords.ts deciding the hard cases.
 *
 * - Names: the first names of @faker-js/faker's locales (MIT), for the languages Hearth speaks
 *   and the names people around its users are likely to have; Latin-script single words only,
 *   since transcripts are in Latin script. Faker's lists are real given names (checked: Priya,
 *   Fatima, Siobhan's neighbours; no placeholders), kept by its contributors per locale.
 * - Words: an-array-of-english-words (MIT; the Letterpress word list, ~275,000 words) says which
 *   names are also English words. A capitalized name is redacted anywhere except at the start of
 *   a sentence when it is also a word ("Will you come?", "Grace before meals"); a lower-case one
 *   only when it is no word, or a reviewed NAMES_FIRST name ("tell john").
 *
 * Built once per process (about 20,000 names; tens of milliseconds), shared by every Redactor.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { faker as ar } from '@faker-js/faker/locale/ar';
import { faker as cs } from '@faker-js/faker/locale/cs_CZ';
import { faker as da } from '@faker-js/faker/locale/da';
import { faker as de } from '@faker-js/faker/locale/de';
import { faker as en } from '@faker-js/faker/locale/en';
import { faker as enAu } from '@faker-js/faker/locale/en_AU';
import { faker as enGh } from '@faker-js/faker/locale/en_GH';
import { faker as enIn } from '@faker-js/faker/locale/en_IN';
import { faker as enNg } from '@faker-js/faker/locale/en_NG';
import { faker as enZa } from '@faker-js/faker/locale/en_ZA';
import { faker as es } from '@faker-js/faker/locale/es';
import { faker as fr } from '@faker-js/faker/locale/fr';
import { faker as hr } from '@faker-js/faker/locale/hr';
import { faker as it } from '@faker-js/faker/locale/it';
import { faker as nb } from '@faker-js/faker/locale/nb_NO';
import { faker as nl } from '@faker-js/faker/locale/nl';
import { faker as pl } from '@faker-js/faker/locale/pl';
import { faker as ptBr } from '@faker-js/faker/locale/pt_BR';
import { faker as ptPt } from '@faker-js/faker/locale/pt_PT';
import { faker as ro } from '@faker-js/faker/locale/ro';
import { faker as sv } from '@faker-js/faker/locale/sv';
import { faker as tr } from '@faker-js/faker/locale/tr';
import type { Faker } from '@faker-js/faker';
import { NAME_WORDS, NAMES_FIRST, NOT_GIVEN_NAMES } from './nameWords.js';

/** English-speaking locales: their names that are also words are names in English ("Will"). */
const ENGLISH: readonly Faker[] = [en, enAu, enGh, enIn, enNg, enZa];
/** Other locales (faker's `ar` has Latin-script names too). */
const OTHERS: readonly Faker[] = [
  de,
  fr,
  es,
  it,
  nl,
  pl,
  ptPt,
  ptBr,
  ro,
  tr,
  sv,
  da,
  nb,
  cs,
  hr,
  ar,
];

/** A given name as one word: a capital, then lower-case letters, apostrophes or hyphens. */
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u;
/** Shorter names ("Al", "Bo", "Ed") are words or initials more often than people. */
const MIN_LENGTH = 3;

export class GivenNameGazetteer {
  private static shared: GivenNameGazetteer | undefined;

  /** The process's gazetteer, built on first use. */
  static get(): GivenNameGazetteer {
    GivenNameGazetteer.shared ??= new GivenNameGazetteer();
    return GivenNameGazetteer.shared;
  }

  /** Names in lower case. */
  private readonly names: ReadonlySet<string>;
  /** Names (lower case) that are also English words. */
  private readonly nameWords: ReadonlySet<string>;
  /** Of those, the ones English speakers give ("Will", "Grace"; not Danish "Fine"). */
  private readonly englishNameWords: ReadonlySet<string>;

  private constructor() {
    const english = firstNames(ENGLISH);
    const names = new Set([...english, ...firstNames(OTHERS), ...NAMES_FIRST]);
    for (const name of NOT_GIVEN_NAMES) names.delete(name);
    this.names = names;
    const nameWords = new Set([...names].filter((n) => NAME_WORDS.has(n)));
    for (const word of englishWords())
      if (names.has(word) && !NAMES_FIRST.has(word)) nameWords.add(word);
    this.nameWords = nameWords;
    this.englishNameWords = new Set([...this.nameWords].filter((n) => english.has(n)));
  }

  get size(): number {
    return this.names.size;
  }

  /** True when `word`, written as it is and where it is, is a given name to redact. */
  isName(word: string, position: 'sentenceStart' | 'inside'): boolean {
    const lower = word.toLowerCase();
    if (!this.names.has(lower)) return false;
    const capitalized = NAME_WORD.test(word);
    if (!capitalized) return word === lower && !this.nameWords.has(lower);
    if (!this.nameWords.has(lower)) return true;
    // A word that is also a name is the name when English speakers give it ("I saw Will";
    // "I'm Fine" stays). At the start of a sentence, the reviewed everyday words stay words
    // ("Will you come?"), rarer ones are names ("Isabella rang").
    if (!this.englishNameWords.has(lower)) return false;
    return position === 'inside' || !NAME_WORDS.has(lower);
  }
}

/** The first names of `locales`, lower case: Latin-script single words (parts of "Ana María"). */
function firstNames(locales: readonly Faker[]): Set<string> {
  const names = new Set<string>();
  for (const locale of locales) {
    const first = locale.rawDefinitions.person?.first_name;
    for (const list of [first?.generic, first?.female, first?.male])
      for (const entry of list ?? [])
        for (const part of entry.split(/\s+/))
          if (part.length >= MIN_LENGTH && NAME_WORD.test(part)) names.add(part.toLowerCase());
  }
  return names;
}

/** The English word list, lower case (the package is one JSON array; read, not imported). */
function englishWords(): readonly string[] {
  const file = createRequire(import.meta.url).resolve('an-array-of-english-words');
  const words: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(words)) throw new Error(`${file} is not a JSON array of words`);
  return words.filter((w): w is string => typeof w === 'string');
}
