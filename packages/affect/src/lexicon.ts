import type { Emotion } from './emotions.js';

/**
 * The affect lexicon: the words and phrases that signal each of ESConv's emotions, with a weight
 * (1 a clear statement of the emotion, 0.5 a hint). Hand-written for review: a caregiver or
 * clinician can read and correct it, and every change is covered by the tests' examples. Terms
 * are lower case and matched on whole words (phrases as consecutive words); list the inflected
 * forms that matter, there is no stemming.
 */
export interface LexiconEntry {
  readonly emotion: Emotion;
  readonly weight: number;
  readonly terms: readonly string[];
}

export const AFFECT_LEXICON: readonly LexiconEntry[] = [
  {
    emotion: 'anxiety',
    weight: 1,
    terms: [
      'anxious',
      'anxiety',
      'panic',
      'panicking',
      'panicked',
      'nervous',
      'on edge',
      'restless',
    ],
  },
  {
    emotion: 'anxiety',
    weight: 0.7,
    terms: [
      'worried',
      'worry',
      'worrying',
      'stressed',
      'stress',
      'tense',
      'overwhelmed',
      "can't sleep",
      'cannot sleep',
      'overthinking',
      'uneasy',
    ],
  },
  {
    emotion: 'depression',
    weight: 1,
    terms: [
      'depressed',
      'depression',
      'hopeless',
      'worthless',
      'empty inside',
      'no point',
      'give up',
      'numb',
      'pointless',
    ],
  },
  {
    emotion: 'depression',
    weight: 0.6,
    terms: [
      'exhausted',
      'drained',
      'unmotivated',
      "can't get out of bed",
      'tired of everything',
      'nothing matters',
    ],
  },
  {
    emotion: 'sadness',
    weight: 1,
    terms: [
      'sad',
      'sadness',
      'heartbroken',
      'grief',
      'grieving',
      'crying',
      'cried',
      'miserable',
      'unhappy',
      'devastated',
    ],
  },
  {
    emotion: 'sadness',
    weight: 0.7,
    terms: ['lonely', 'alone', 'miss', 'missing', 'upset', 'hurt', 'disappointed'],
  },
  {
    // Common words that only sometimes mean a mood ("down the road"): a hint.
    emotion: 'sadness',
    weight: 0.4,
    terms: ['down', 'low', 'lost', 'blue'],
  },
  {
    emotion: 'anger',
    weight: 1,
    terms: ['angry', 'anger', 'furious', 'rage', 'mad', 'livid', 'hate'],
  },
  {
    emotion: 'anger',
    weight: 0.6,
    terms: ['annoyed', 'irritated', 'frustrated', 'frustrating', 'fed up', 'unfair', 'resent'],
  },
  {
    emotion: 'fear',
    weight: 1,
    terms: ['afraid', 'scared', 'terrified', 'frightened', 'fear', 'fearful'],
  },
  {
    emotion: 'fear',
    weight: 0.6,
    terms: ['unsafe', 'threatened', 'dread', 'dreading'],
  },
  {
    emotion: 'disgust',
    weight: 1,
    terms: ['disgusted', 'disgusting', 'disgust', 'revolting', 'sickening', 'gross'],
  },
  {
    emotion: 'disgust',
    weight: 0.6,
    terms: ['repulsed', 'nauseous', 'sick of'],
  },
  {
    emotion: 'shame',
    weight: 1,
    terms: ['ashamed', 'shame', 'humiliated', 'embarrassed', 'guilty', 'my fault'],
  },
  {
    emotion: 'shame',
    weight: 0.6,
    terms: ['stupid', 'failure', 'a burden', 'blame myself', 'let everyone down'],
  },
];

/** Words of relief and well-being: they raise the valence (and, negated, signal low mood). */
export const POSITIVE_TERMS: readonly string[] = [
  'happy',
  'glad',
  'good',
  'great',
  'fine',
  'okay',
  'ok',
  'better',
  'calm',
  'relieved',
  'grateful',
  'hopeful',
  'excited',
  'proud',
  'loved',
  'peaceful',
];

/** Words that negate a term in the few words after them (contractions ending n't count too). */
export const NEGATORS: readonly string[] = [
  'not',
  'no',
  'never',
  'without',
  'hardly',
  'barely',
  'nor',
  'neither',
  'cannot',
];

/** Words and phrases that scale the term after them: >1 intensifies, <1 softens. */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 1.5,
  really: 1.4,
  so: 1.4,
  extremely: 1.8,
  incredibly: 1.7,
  terribly: 1.7,
  totally: 1.5,
  completely: 1.5,
  deeply: 1.6,
  too: 1.3,
  'so very': 1.8,
  'a bit': 0.6,
  'a little': 0.6,
  'a little bit': 0.5,
  slightly: 0.5,
  somewhat: 0.7,
  'kind of': 0.7,
  kinda: 0.7,
  'sort of': 0.7,
  rather: 0.8,
};
