/**
 * Replaces personal details in text that is about to leave the robot with placeholders:
 * emails ([EMAIL]), street addresses ([ADDRESS]), phone numbers ([PHONE]) and names ([NAME]):
 * the names the robot's profile knows (display names, their parts and other names), and names a
 * person introduces ("my name is ...", "call me ...", "my daughter ..."), wherever else they
 * appear in the same text, and given names nobody introduced, from a gazetteer
 * (GivenNameGazetteer: "I saw Priya", "tell john"; not "I will go"). Order matters: emails and
 * addresses hold digits and words that the phone and name rules would otherwise take apart.
 */
import {
  ADDRESS_PATTERNS,
  EMAIL_PATTERNS,
  NAME_PATTERNS,
  NOT_NAMES,
  PHONE_CANDIDATE,
  Placeholders,
  isPhoneNumber,
} from './patterns.js';
import { GivenNameGazetteer } from './GivenNameGazetteer.js';

export interface RedactorOptions {
  /** Names to redact wherever they appear, e.g. the profile's people and their other names. */
  readonly names?: readonly string[];
  /** Numbers that are public and never redacted (helplines such as `0800 111 0 111`). */
  readonly publicNumbers?: readonly string[];
  /** Redact given names from the gazetteer too (default true); false: known and introduced only. */
  readonly gazetteer?: boolean;
}

/** A run of letters: "Jean-Luc" is two, "Priya's" is "Priya" and "s". */
const WORD = /\p{L}+/gu;
/** What ends a sentence: the next word starts one. */
const SENTENCE_END = /(?:^|[.!?…;\n])[\s"“'‘(]*$/u;

/** Parts of a name shorter than this are not redacted on their own ("Jo" is, "J" is not). */
const MIN_NAME_LENGTH = 2;

export class Redactor {
  private readonly known: RegExp | undefined;
  private readonly publicNumbers: ReadonlySet<string>;
  private readonly gazetteer: GivenNameGazetteer | undefined;

  constructor(options: RedactorOptions = {}) {
    this.known = namesPattern(expandNames(options.names ?? []));
    this.publicNumbers = new Set((options.publicNumbers ?? []).map(digitsOf));
    this.gazetteer = options.gazetteer === false ? undefined : GivenNameGazetteer.get();
  }

  /**
   * Names a person introduces in `text` ("my name is Ana" → Ana), so a caller can redact them in
   * what follows too (the robot's reply, later turns of the session).
   */
  introducedNames(text: string): string[] {
    const names: string[] = [];
    this.redactIntroduced(text, names);
    return names;
  }

  /** `text` with personal details replaced; `alsoNames`: names learnt earlier to redact too. */
  redact(text: string, alsoNames: Iterable<string> = []): string {
    if (text.length === 0) return text;
    let out = text;
    for (const pattern of EMAIL_PATTERNS) out = out.replace(pattern, Placeholders.email);
    for (const pattern of ADDRESS_PATTERNS) out = out.replace(pattern, Placeholders.address);
    out = out.replace(PHONE_CANDIDATE, (match) =>
      isPhoneNumber(match) && !this.publicNumbers.has(digitsOf(match)) ? Placeholders.phone : match,
    );
    const introduced: string[] = [...alsoNames];
    out = this.redactIntroduced(out, introduced);
    const again = namesPattern(introduced);
    if (again) out = out.replace(again, Placeholders.name);
    if (this.known) out = out.replace(this.known, Placeholders.name);
    if (this.gazetteer) out = this.redactGazetteer(out, this.gazetteer);
    return out;
  }

  /** Replaces the gazetteer's given names; whether a word is one depends on its case and place. */
  private redactGazetteer(text: string, gazetteer: GivenNameGazetteer): string {
    return text.replace(WORD, (word: string, offset: number) => {
      // Placeholders already in the text ("[NAME]") are left alone.
      if (text[offset - 1] === '[') return word;
      const position = SENTENCE_END.test(text.slice(Math.max(0, offset - 8), offset))
        ? 'sentenceStart'
        : 'inside';
      return gazetteer.isName(word, position) ? Placeholders.name : word;
    });
  }

  /** Replaces self-introduced names with [NAME], adding each to `introduced`. */
  private redactIntroduced(text: string, introduced: string[]): string {
    let out = text;
    for (const { pattern, capitalized } of NAME_PATTERNS) {
      out = out.replace(pattern, (match: string, ...args: unknown[]) => {
        const groups = args.at(-1) as { name?: string } | undefined;
        const name = groups?.name;
        if (name === undefined) return match;
        const first = name.split(/\s+/)[0] ?? '';
        if (NOT_NAMES.has(first.toLowerCase())) return match;
        if (!capitalized && first.toLowerCase() === 'not') return match;
        // "Sarah Monday" is not a surname: keep the second word when it is a common word.
        const words = name.split(/\s+/);
        const taken = words.length > 1 && NOT_NAMES.has(words[1]!.toLowerCase()) ? first : name;
        introduced.push(...taken.split(/\s+/));
        return `${match.slice(0, match.length - name.length)}${Placeholders.name}${name.slice(taken.length)}`;
      });
    }
    return out;
  }
}

/** Full names and each of their parts: "Ana Silva" is also "Ana" and "Silva". */
function expandNames(names: readonly string[]): string[] {
  const all = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name.length < MIN_NAME_LENGTH) continue;
    all.add(name);
    for (const part of name.split(/\s+/)) if (part.length >= MIN_NAME_LENGTH) all.add(part);
  }
  return [...all];
}

function namesPattern(names: readonly string[]): RegExp | undefined {
  const usable = [...new Set(names.filter((n) => n.length >= MIN_NAME_LENGTH))];
  if (usable.length === 0) return undefined;
  // Longest first, so "Ana Silva" is one [NAME], not "[NAME] [NAME]".
  usable.sort((a, b) => b.length - a.length);
  const alternatives = usable.map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
