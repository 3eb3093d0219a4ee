/** ESConv's emotion types, as Affect.emotion names them, plus neutral. */
export const EMOTIONS = [
  'anxiety',
  'depression',
  'sadness',
  'anger',
  'fear',
  'disgust',
  'shame',
] as const;
export type Emotion = (typeof EMOTIONS)[number];
export type EmotionOrNeutral = Emotion | 'neutral';
