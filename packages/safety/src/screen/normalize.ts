/**
 * Text normalization before matching, so the lexicon is written once in a plain form: lower
 * case, straight quotes, contractions spelled out ("don't" → "do not", "I'm" → "i am", also
 * typed without the apostrophe: "dont", "im"), "cannot" → "can not", single spaces. Clause
 * punctuation is kept: the screener splits on it.
 */

// Apostrophe-less spellings people type in chat; only unambiguous ones ("ill", "id", "wont"
// are real words and stay as they are).
const bareContractions: Record<string, string> = {
  im: 'i am',
  ive: 'i have',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  couldnt: 'could not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  idk: 'i do not know',
};

const bareContractionPattern = new RegExp(
  `\\b(${Object.keys(bareContractions).join('|')})\\b`,
  'g',
);

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d\u201e«»]/g, '"')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bshan't\b/g, 'shall not')
    .replace(/\bain't\b/g, 'am not')
    .replace(/\b(\w+)n't\b/g, '$1 not')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\b(let)'s\b/g, 'let us')
    .replace(/\b(it|he|she|that|there|what|who)'s\b/g, '$1 is')
    .replace(/\b(\w+)'re\b/g, '$1 are')
    .replace(/\b(\w+)'ve\b/g, '$1 have')
    .replace(/\b(\w+)'ll\b/g, '$1 will')
    .replace(/\b(\w+)'d\b/g, '$1 would')
    .replace(bareContractionPattern, (word) => bareContractions[word] ?? word)
    .replace(/\bcannot\b/g, 'can not')
    .replace(/\s+/g, ' ')
    .trim();
}
