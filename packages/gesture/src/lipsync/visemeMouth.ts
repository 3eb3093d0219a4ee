/**
 * How far the mouth opens (0 closed to 1 wide) for a viseme, from the two viseme sets a tts
 * engine is likely to send: Azure's numeric ids 0-21 (its SSML viseme events; the ids follow the
 * Disney set as Azure documents it) and the Oculus/Meta names (sil, PP, FF, ... ou). The values
 * are a lip-sync starting point to tune per robot with the `lip_sync_gain` parameter.
 */
const AZURE: readonly number[] = [
  0, // 0 silence
  0.7, // 1 æ ə ʌ
  0.9, // 2 ɑ
  0.8, // 3 ɔ
  0.6, // 4 ɛ ʊ
  0.5, // 5 ɝ
  0.35, // 6 j i ɪ
  0.3, // 7 w u
  0.6, // 8 o
  0.8, // 9 aʊ
  0.7, // 10 ɔɪ
  0.8, // 11 aɪ
  0.4, // 12 h
  0.35, // 13 ɹ
  0.4, // 14 l
  0.15, // 15 s z
  0.25, // 16 ʃ tʃ dʒ ʒ
  0.2, // 17 ð
  0.1, // 18 f v
  0.2, // 19 d t n θ
  0.3, // 20 k g ŋ
  0, // 21 p b m
];

const NAMED: Readonly<Record<string, number>> = {
  sil: 0,
  pp: 0,
  ff: 0.1,
  th: 0.2,
  dd: 0.2,
  kk: 0.3,
  ch: 0.25,
  ss: 0.15,
  nn: 0.2,
  rr: 0.35,
  aa: 0.9,
  e: 0.6,
  i: 0.35,
  ih: 0.35,
  o: 0.7,
  oh: 0.7,
  u: 0.3,
  ou: 0.3,
};

/** A viseme no table knows: half open, so speech still shows on the face. */
const UNKNOWN = 0.5;

export function visemeMouth(viseme: string): number {
  const trimmed = viseme.trim();
  if (/^\d+$/.test(trimmed)) return AZURE[Number(trimmed)] ?? UNKNOWN;
  return NAMED[trimmed.toLowerCase()] ?? UNKNOWN;
}
