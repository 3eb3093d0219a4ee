/**
 * Small phrase matchers on transcripts: backchannels, goodbyes, and whether a partial transcript
 * stops mid-sentence. Transcripts are normalised (lower case, no punctuation at the ends, single
 * spaces) so "Mm-hm." and "mm-hm" match alike.
 */
export function normalizeUtterance(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the whole utterance is one of `backchannels` ("mm-hm", "okay", "yeah yeah"). */
export function isBackchannel(text: string, backchannels: readonly string[]): boolean {
  const said = normalizeUtterance(text);
  if (said === '') return false;
  const known = new Set(backchannels.map(normalizeUtterance));
  if (known.has(said)) return true;
  // "yeah yeah", "okay okay": a repeated acknowledgement is still one.
  const words = said.split(' ');
  return words.every((word) => word === words[0]) && known.has(words[0] ?? '');
}

/**
 * True when the utterance is a goodbye: it is one of `phrases`, or ends with one ("okay, bye",
 * "thank you, good night"). A goodbye inside a longer story ("she said goodbye and left") is not.
 */
export function isGoodbye(text: string, phrases: readonly string[]): boolean {
  const said = normalizeUtterance(text);
  if (said === '') return false;
  return phrases.map(normalizeUtterance).some((phrase) => {
    if (phrase === '') return false;
    if (said === phrase) return true;
    return said.endsWith(` ${phrase}`) && said.split(' ').length <= phrase.split(' ').length + 3;
  });
}

/** Words after which a speaker usually goes on: a pause after them is not the end of a turn. */
const CONTINUATIONS = new Set([
  'and',
  'but',
  'or',
  'so',
  'because',
  'cause',
  'then',
  'that',
  'if',
  'when',
  'which',
  'who',
  'the',
  'a',
  'an',
  'to',
  'of',
  'with',
  'my',
  'um',
  'uh',
  'er',
  'like',
  'although',
  'while',
]);

/** True when a partial transcript stops mid-sentence: on a comma, a dash or a joining word. */
export function endsMidSentence(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (/[,;:\-–—]$/.test(trimmed) || trimmed.endsWith('...') || trimmed.endsWith('…')) return true;
  if (/[.!?]$/.test(trimmed)) return false;
  const last = normalizeUtterance(trimmed).split(' ').at(-1) ?? '';
  return CONTINUATIONS.has(last);
}
