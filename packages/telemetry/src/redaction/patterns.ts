/**
 * The reviewable patterns behind redaction: what counts as an email, a phone number, a street
 * address and a self-introduced name in what a person (or the robot) said. Each is a regular
 * expression a reviewer can read, with the hard negatives it must leave alone listed in
 * test/fixtures/redactionExamples.ts. They are a floor, not a guarantee: the profile's known
 * names catch what the name patterns cannot.
 */

export const Placeholders = {
  name: '[NAME]',
  phone: '[PHONE]',
  address: '[ADDRESS]',
  email: '[EMAIL]',
} as const;

/** `ana.silva+care@example.co.uk`, and as a recognizer writes it: `ana at example dot com`. */
export const EMAIL_PATTERNS: readonly RegExp[] = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
  /\b[\p{L}\p{N}._-]+ at [\p{L}\p{N}-]+(?: dot [\p{L}\p{N}-]+)* dot (?:com|org|net|edu|gov|co|uk|ie|de|fr|io|me|info)\b/giu,
];

const SUFFIX =
  'Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Close|' +
  'Crescent|Terrace|Square|Sq|Parkway|Pkwy|Highway|Hwy|Gardens|Grove|Row|Mews|Walk|Hill';
const UNIT = String.raw`(?:,?\s+(?:Apt|Apartment|Flat|Unit|Suite)\.?\s*#?\w{1,5})?`;

/**
 * Street addresses. A house number and capitalized street words before a street suffix
 * (`221B Baker Street`, `42 Elm St., Apt 4`); in lower case only after words that introduce an
 * address (`i live at 42 elm street`), because `5 miles down the road` is not one. Also a street
 * named after `live on` (`I live on Maple Street`), P.O. boxes, UK postcodes and US state + ZIP.
 */
export const ADDRESS_PATTERNS: readonly RegExp[] = [
  /\b(?:P\.?\s?O\.?\s+Box|Post Office Box)\s+\d{1,6}\b/giu,
  new RegExp(
    String.raw`(?:\b(?:Flat|Apt|Apartment|Unit)\.?\s*\w{1,5},?\s+)?\b\d{1,5}[A-Za-z]?,?\s+(?:\p{Lu}[\p{L}'-]*\.?\s+){1,4}(?:${SUFFIX})\b\.?${UNIT}`,
    'gu',
  ),
  new RegExp(
    String.raw`(?<=\b(?:live at|live on|lives at|living at|address is|moved to|staying at|come to|move to)\s+)\d{1,5}[a-z]?\s+(?:[\p{L}'-]+\s+){1,3}(?:${SUFFIX})\b\.?${UNIT}`,
    'giu',
  ),
  new RegExp(
    String.raw`(?<=\b(?:live|lives|living|lived)\s+(?:on|in|at)\s+)(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:${SUFFIX})\b\.?`,
    'gu',
  ),
  /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/gu,
  /\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s+\d{5}(?:-\d{4})?\b/gu,
  ...localeAddressPatterns(),
];

/**
 * Addresses in the other countries whose crisis lines the robot knows (packages/safety: Ireland,
 * Australia, France, Germany, Spain), as people say them in their language or in English:
 * - German: a street word and a house number (`Hauptstraße 5`, `Berliner Str. 12a`,
 *   `Lindenweg 7`, `Marktplatz 2`);
 * - French: a number, a street type and a name that starts with a particle or a capital
 *   (`12 rue de la Paix`, `3 bis avenue Foch`; not `3 square meals`);
 * - Spanish: a street type, a name and a number (`calle Mayor 5`, `Calle de Alcalá, 45`,
 *   `avenida de América nº 12`);
 * - postcodes where a city or a street word is near: five digits before a capitalized city
 *   (`10115 Berlin`, `75011 Paris`, `28013 Madrid`), Irish Eircodes (`D02 X285`) and an
 *   Australian state with its postcode (`NSW 2000`).
 * Street words match in lower case too ("hauptstraße 5", "calle mayor 5"): recognizers write so.
 */
function localeAddressPatterns(): RegExp[] {
  const deStreet = oneOf(
    'straße strasse str. weg platz allee gasse damm ufer chaussee markt steig pfad',
  );
  const frStreet = oneOf(
    'rue avenue av. boulevard bd place chemin allée impasse quai route cours square faubourg',
  );
  const esStreet = oneOf('calle c/ avenida avda. avda paseo carretera travesía glorieta');
  const word = String.raw`[\p{L}'’-]+`;
  const capWord = String.raw`\p{Lu}[\p{L}'’-]*`;
  const frParticle = String.raw`(?:de la|de l'|de l’|du|des|de|d'|d’)`;
  const esParticle = String.raw`(?:de la|de los|de las|del|de)`;
  const houseNumber = String.raw`\d{1,4}[a-zA-Z]?(?![\p{L}\p{N}])`;
  return [
    // German: "Hauptstraße 5", "Berliner Straße 12a", "Lindenweg 7".
    new RegExp(
      String.raw`(?<![\p{L}])(?:\p{Lu}\p{Ll}+\s+)?\p{L}*${deStreet}\s+${houseNumber}`,
      'gu',
    ),
    // French: "12 rue de la Paix", "3 bis avenue Foch".
    new RegExp(
      String.raw`\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+${frStreet}\s+(?:${frParticle}\s*${word}|${capWord})(?:\s+${capWord})*`,
      'gu',
    ),
    // Spanish: "calle Mayor 5", "Calle de Alcalá, 45", "avenida de América nº 12".
    new RegExp(
      String.raw`(?<![\p{L}])${esStreet}\s+(?:${esParticle}\s+)?${word}(?:\s+${word}){0,2}?,?\s+(?:n[º°o]\.?\s*)?${houseNumber}`,
      'gu',
    ),
    // Five-digit postcodes (DE, FR, ES) before a capitalized city: "10115 Berlin".
    /\b(?:[DFE]-)?\d{5}\s+\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)*/gu,
    // Irish Eircodes: a routing key and a unique identifier ("D02 X285", "A65 F4E2").
    /\b[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y\d]{4}\b/gu,
    // An Australian state and its postcode ("NSW 2000").
    /\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}\b/gu,
  ];
}

/** A regular-expression group of words, each in lower case or with a capital first letter. */
function oneOf(words: string): string {
  const escaped = words
    .split(' ')
    .map(
      (w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`,
    );
  return `(?:${escaped.join('|')})`;
}

/**
 * Phone-number candidates: digits with spaces, dots, dashes or brackets between them, optionally
 * after `+` or `00`. `isPhoneNumber` then decides (7 to 15 digits, not a date, not a list of
 * years), so `116 123` (a helpline), `10:30` and `2024-05-01` stay.
 */
export const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d[\d\s().-]{4,}\d(?![\p{L}\p{N}])/gu;

export function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  const trimmed = candidate.trim();
  // Dates: 2024-05-01, 01.05.2024, 1-5-24.
  if (/^\d{4}[-.]\d{1,2}[-.]\d{1,2}$/.test(trimmed)) return false;
  if (/^\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$/.test(trimmed)) return false;
  // Decimal numbers: 3.14159265.
  if (/^\d+\.\d+$/.test(trimmed)) return false;
  const groups = trimmed.split(/[\s().-]+/).filter((g) => g.length > 0);
  // Years in a row: "2019 2020 2021".
  if (groups.length > 1 && groups.every((g) => /^(?:19|20)\d\d$/.test(g))) return false;
  const international = /^(?:\+|00)/.test(trimmed);
  // A bare run of digits is a phone number only when long enough to be one (not an amount).
  if (groups.length === 1 && !international) return digits.length >= 10 || digits.startsWith('0');
  return true;
}

/** Words that follow "I'm" or "call me" capitalized without being a name. */
export const NOT_NAMES = new Set(
  [
    'ok',
    'okay',
    'fine',
    'good',
    'great',
    'well',
    'not',
    'sorry',
    'so',
    'just',
    'here',
    'home',
    'back',
    'done',
    'sure',
    'afraid',
    'alone',
    'tired',
    'sad',
    'happy',
    'scared',
    'lonely',
    'ready',
    'there',
    'the',
    'a',
    'an',
    'in',
    'on',
    'at',
    'too',
    'very',
    'really',
    'still',
    'always',
    'never',
    'going',
    'feeling',
    'getting',
    'trying',
    'thinking',
    'tomorrow',
    'today',
    'tonight',
    'later',
    'when',
    'if',
    'after',
    'before',
    'maybe',
    'anytime',
    'anything',
    'nothing',
    'everything',
    'english',
    'american',
    'british',
    'irish',
    'scottish',
    'welsh',
    'canadian',
    'australian',
    'catholic',
    'christian',
    'jewish',
    'muslim',
    'hindu',
    'buddhist',
    'retired',
    'married',
    'divorced',
    'widowed',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'christmas',
    'easter',
    'god',
    // The robot's own default name ("Hello, I'm Hearth").
    'hearth',
    'i',
  ].map((w) => w.toLowerCase()),
);

const CAP_NAME = String.raw`\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?`;
const ANY_NAME = String.raw`[\p{L}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?`;
const RELATIONS =
  'son|daughter|husband|wife|partner|friend|brother|sister|mother|father|mum|mom|mam|dad|' +
  'grandson|granddaughter|grandchild|grandma|grandpa|granny|nan|aunt|uncle|niece|nephew|cousin|' +
  'neighbour|neighbor|carer|caregiver|nurse|doctor|therapist|boyfriend|girlfriend|fiance|fiancee';

/**
 * Names introduced in speech. Group `name` is the name; the words before it stay.
 * `my name is` takes any word (it is unambiguous); `I'm`, `call me`, a relation (`my daughter
 * Sarah`) and a title (`Dr. Patel`) need a capitalized word that is not in NOT_NAMES.
 */
export const NAME_PATTERNS: readonly { readonly pattern: RegExp; readonly capitalized: boolean }[] =
  [
    {
      pattern: new RegExp(
        String.raw`\b(?:[Mm]y name is|[Mm]y name's|[Nn]ame is)\s+(?<name>${ANY_NAME})`,
        'gu',
      ),
      capitalized: false,
    },
    {
      pattern: new RegExp(
        String.raw`\b(?:I'm|I am|Im)\s+(?<name>${CAP_NAME})(?=\s*(?:$|[.,!?;:]|\s(?:and|here|speaking|by the way)\b))`,
        'gu',
      ),
      capitalized: true,
    },
    {
      pattern: new RegExp(
        String.raw`\b(?:[Tt]his is|[Ii]t's)\s+(?<name>${CAP_NAME})(?=\s+(?:here|speaking)\b)`,
        'gu',
      ),
      capitalized: true,
    },
    {
      pattern: new RegExp(
        String.raw`\b(?:[Cc]all me|[Tt]hey call me)\s+(?<name>${CAP_NAME})`,
        'gu',
      ),
      capitalized: true,
    },
    {
      pattern: new RegExp(
        String.raw`\b(?:[Mm]y|[Oo]ur|[Hh]er|[Hh]is)\s+(?:${RELATIONS}),?\s+(?<name>${CAP_NAME})`,
        'gu',
      ),
      capitalized: true,
    },
    {
      pattern: new RegExp(
        String.raw`\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof|Professor|Nurse)\.?\s+(?<name>${CAP_NAME})`,
        'gu',
      ),
      capitalized: true,
    },
  ];
