/**
 * The viseme set Hearth's tts publishes: Microsoft's 22 viseme ids (0-21), the ids Azure TTS
 * sends in its viseme events, so espeak-ng and Azure speech drive the same lip-sync table
 * (packages/gesture/src/lipsync/visemeMouth.ts). Ids and their IPA phonemes, as Microsoft
 * documents them for en-US:
 *
 *  0 silence   1 æ ə ʌ   2 ɑ   3 ɔ   4 ɛ ʊ   5 ɝ   6 j i ɪ   7 w u   8 o   9 aʊ   10 ɔɪ
 *  11 aɪ   12 h   13 ɹ   14 l   15 s z   16 ʃ tʃ dʒ ʒ   17 ð   18 f v   19 d t n θ   20 k g ŋ
 *  21 p b m
 *
 * espeak-ng writes a wider IPA (other languages, allophones such as the flap ɾ); each symbol
 * below is mapped to the id whose mouth shape is closest.
 */
export const SILENCE_VISEME = 0;

/** IPA symbols (several characters for diphthongs and affricates) to viseme ids. */
const SYMBOLS: Readonly<Record<string, number>> = {
  // Diphthongs and affricates first in spirit: matched longest first below.
  aʊ: 9,
  ɔɪ: 10,
  ɔʏ: 10,
  aɪ: 11,
  eɪ: 4,
  oʊ: 8,
  əʊ: 8,
  tʃ: 16,
  dʒ: 16,
  ts: 15,
  // Vowels.
  æ: 1,
  ə: 1,
  ʌ: 1,
  ɐ: 1,
  a: 2,
  ɑ: 2,
  ɒ: 2,
  ɔ: 3,
  ɛ: 4,
  e: 4,
  ʊ: 4,
  ɜ: 5,
  ɝ: 5,
  ɚ: 5,
  œ: 4,
  ø: 8,
  i: 6,
  ɪ: 6,
  ᵻ: 6,
  y: 6,
  ʏ: 6,
  ɨ: 6,
  j: 6,
  u: 7,
  ʉ: 7,
  ɯ: 7,
  w: 7,
  o: 8,
  ɤ: 8,
  // Consonants.
  h: 12,
  ɦ: 12,
  x: 20,
  χ: 12,
  ç: 12,
  ɹ: 13,
  r: 13,
  ɾ: 19,
  ʁ: 13,
  ɻ: 13,
  l: 14,
  ɫ: 14,
  ɬ: 14,
  ʎ: 14,
  s: 15,
  z: 15,
  ʃ: 16,
  ʒ: 16,
  ɕ: 16,
  ʑ: 16,
  ð: 17,
  f: 18,
  v: 18,
  β: 18,
  d: 19,
  t: 19,
  n: 19,
  θ: 19,
  ɲ: 19,
  ʔ: 19,
  k: 20,
  g: 20,
  ɡ: 20,
  ŋ: 20,
  q: 20,
  p: 21,
  b: 21,
  m: 21,
  ɱ: 21,
};

const LONGEST_SYMBOL = Math.max(...Object.keys(SYMBOLS).map((symbol) => [...symbol].length));

/**
 * Stress, length, syllable and tie marks, and combining diacritics (U+0300-U+036F: syllabic,
 * nasal, tie bar), carry no mouth shape of their own.
 */
const MARKS = /[ˈˌːˑ.‿ʰʲʷ-]|[\u0300-\u036f]/gu;

/**
 * The viseme ids of one espeak-ng phoneme (e.g. `ˈoːɹ` gives 8 then 13), longest symbol first.
 * Characters no table knows are skipped, so an unusual phoneme costs a viseme, never an error.
 */
export function ipaToVisemes(phoneme: string): number[] {
  const chars = [...phoneme.replace(MARKS, '')];
  const visemes: number[] = [];
  let i = 0;
  while (i < chars.length) {
    let matched = 0;
    for (let length = Math.min(LONGEST_SYMBOL, chars.length - i); length > 0; length--) {
      const id = SYMBOLS[chars.slice(i, i + length).join('')];
      if (id === undefined) continue;
      if (visemes[visemes.length - 1] !== id) visemes.push(id);
      matched = length;
      break;
    }
    i += Math.max(1, matched);
  }
  return visemes;
}

/** True for the vowel visemes (1-11): they take longer than consonants in speech. */
export function isVowelViseme(id: number): boolean {
  return id >= 1 && id <= 11;
}
