import { ESCONV_EMOTIONS, type EsconvEmotion } from '@hearth/interfaces';

/** ESConv's emotion types, as Affect.emotion names them (neutral is added where none is clear). */
export const EMOTIONS = ESCONV_EMOTIONS;
export type Emotion = EsconvEmotion;
export type EmotionOrNeutral = Emotion | 'neutral';
