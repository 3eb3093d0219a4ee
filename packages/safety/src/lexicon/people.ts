/**
 * Words for people, shared by the rules and the subject finder. Reviewers: add a relation here
 * and every rule that names "my <relation>" understands it.
 */

/** Relations and roles that name a person after "my", "his", "her"... */
export const relations = [
  'friend',
  'best friend',
  'boyfriend',
  'girlfriend',
  'husband',
  'wife',
  'partner',
  'ex',
  'mother',
  'mum',
  'mom',
  'mam',
  'father',
  'dad',
  'parents',
  'son',
  'daughter',
  'sons',
  'daughters',
  'kids',
  'children',
  'child',
  'baby',
  'brother',
  'sister',
  'grandson',
  'granddaughter',
  'grandchildren',
  'grandma',
  'grandpa',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'cousin',
  'nephew',
  'niece',
  'neighbour',
  'neighbor',
  'colleague',
  'boss',
  'teacher',
  'carer',
  'caregiver',
  'nurse',
  'doctor',
  'flatmate',
  'roommate',
  'stepfather',
  'stepmother',
  'stepdad',
  'stepmum',
  'son in law',
  'daughter in law',
  'family',
];

// Longest first, so "best friend" wins over "friend" in an alternation.
export const relationAlternation = [...relations]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/ /g, '\\s'))
  .join('|');

/** "my husband", "her son", "a friend", "our neighbour": one person named by relation. */
export const relationPhrase = `(?:my|his|her|their|our|a|the|your)\\s(?:${relationAlternation})`;

/**
 * People who can be the subject of a sentence other than the speaker: pronouns, names of
 * relations, roles in stories and news. The subject finder uses the nearest one before a match.
 */
export const otherSubjectPattern = new RegExp(
  `\\b(?:${relationPhrase}|he|she|they|you|someone|somebody|people|everyone|everybody|nobody|no one|this (?:man|woman|guy|girl|boy|person)|a (?:man|woman|guy|girl|boy|person|patient|client|student)|the (?:man|woman|guy|girl|boy|person|character|hero|heroine|narrator|singer|victim|patient)|(?:${relationAlternation}))\\b`,
  'g',
);

/** The speaker as the subject of a clause. */
export const selfSubjectPattern = /\b(?:i|we)\b/g;

/**
 * Words inside a match that say whom it is about, tried in this order: "kill myself" vs
 * "kill herself", "end my life" vs "end her life", "wish i was dead". Other people's object pronouns
 * are not here on purpose: in "i want to hurt her" the speaker is the one who may act.
 */
const bodyAndBelongings =
  '(?:own\\s)?(?:life|wrists?|arms?|legs?|skin|things|stuff|belongings|possessions)';
export const inMatchSubjects: readonly { readonly pattern: RegExp; readonly self: boolean }[] = [
  { pattern: /\bmyself\b/, self: true },
  { pattern: /\b(?:himself|herself|themselves|themself|yourself)\b/, self: false },
  { pattern: /\bme\b/, self: true },
  { pattern: new RegExp(`\\bmy\\s${bodyAndBelongings}\\b`), self: true },
  { pattern: new RegExp(`\\b(?:his|her|their|your)\\s${bodyAndBelongings}\\b`), self: false },
  { pattern: /\bi\b/, self: true },
];
