// generated, do not edit: written by packages/interfaces/scripts/generate.mjs from the
// .msg, .action and .srv files of hearth_interfaces. Change those and run `pnpm gen:interfaces`.

import { defineMessage } from '../defineMessage.js';
import type { ActionDescriptor } from '../runtime.js';
import { Checks, at } from '../validation.js';

/**
 * Generate the robot's reply to the person's latest utterance. The llm node keeps each
 * session's history (and KV cache) itself, so the goal carries only the new turn.
 *
 * ROS 2 type `hearth_interfaces/action/Generate_Goal`, from action/Generate.action.
 */
export interface GenerateGoal {
  session_id: string;
  user_text: string;
  /** Extra guidance for this turn only, e.g. a careful protocol after a moderate risk screen. */
  instruction: string;
  /**
   * When the robot's previous reply in this session was interrupted (barge-in): the part of it the
   * person actually heard. The llm keeps only this in the session's history in place of the whole
   * reply and tells the model it was cut off. Empty when the previous reply was heard whole, or
   * when it was cut before a word was said (previous_reply_interrupted tells the two apart).
   */
  previous_reply_heard: string;
  /** True when the robot's previous reply in this session was interrupted or cut short. */
  previous_reply_interrupted: boolean;
  /**
   * The safety screen of user_text: none, low, moderate (high and imminent never reach the llm:
   * the dialogue answers those with its fixed crisis message). The fallback responder answers a
   * moderate turn from its careful bank, since it cannot follow `instruction`. Empty: not screened.
   */
  risk_level: string;
  /**
   * True when this goal asks the session's last turn again (the same user_text) after the dialogue
   * cancelled that goal before a word of its reply was said (a late risk raise: now with the
   * careful protocol). The llm first takes the cancelled attempt out of the session's history, so
   * the person's words are in it once and the model never sees the reply it abandoned.
   */
  reasked: boolean;
}

/** Creates, parses and checks `hearth_interfaces/action/Generate_Goal` messages. */
export const GenerateGoalType = defineMessage<GenerateGoal>({
  typeName: 'hearth_interfaces/action/Generate_Goal',
  definition: [
    {
      name: 'session_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'user_text',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'instruction',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'previous_reply_heard',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'previous_reply_interrupted',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'risk_level',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'reasked',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    session_id: '',
    user_text: '',
    instruction: '',
    previous_reply_heard: '',
    previous_reply_interrupted: false,
    risk_level: '',
    reasked: false,
  }),
  checkFields: (m, path, issues) => {
    Checks.string(m.session_id, at(path, 'session_id'), issues);
    Checks.string(m.user_text, at(path, 'user_text'), issues);
    Checks.string(m.instruction, at(path, 'instruction'), issues);
    Checks.string(m.previous_reply_heard, at(path, 'previous_reply_heard'), issues);
    Checks.bool(m.previous_reply_interrupted, at(path, 'previous_reply_interrupted'), issues);
    Checks.string(m.risk_level, at(path, 'risk_level'), issues);
    Checks.bool(m.reasked, at(path, 'reasked'), issues);
  },
});

/** ROS 2 type `hearth_interfaces/action/Generate_Result`, from action/Generate.action. */
export interface GenerateResult {
  /** The whole reply, strategy tag removed. */
  reply: string;
  strategy: string;
  fallback: boolean;
  /** Which engine answered: the model's file name, or "fallback" when the built-in replies did. */
  model: string;
  cancelled: boolean;
  prompt_tokens_evaluated: number;
  generated_tokens: number;
  first_token_ms: number;
  total_ms: number;
  tokens_per_second: number;
  /**
   * How the history was fitted into the context: window, stopwords, summary (window until the
   * first summary is ready), or fallback.
   */
  context_strategy: string;
  /** True when old turns were stripped or dropped this turn, so the cached prefix was cut. */
  context_compacted: boolean;
  /** Utterances (the person's and the robot's) in the session's history after this turn. */
  history_utterances: number;
}

/** Creates, parses and checks `hearth_interfaces/action/Generate_Result` messages. */
export const GenerateResultType = defineMessage<GenerateResult>({
  typeName: 'hearth_interfaces/action/Generate_Result',
  definition: [
    {
      name: 'reply',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'strategy',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'fallback',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'model',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'cancelled',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'prompt_tokens_evaluated',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'generated_tokens',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'first_token_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'total_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'tokens_per_second',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'context_strategy',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'context_compacted',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'history_utterances',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    reply: '',
    strategy: '',
    fallback: false,
    model: '',
    cancelled: false,
    prompt_tokens_evaluated: 0,
    generated_tokens: 0,
    first_token_ms: 0,
    total_ms: 0,
    tokens_per_second: 0,
    context_strategy: '',
    context_compacted: false,
    history_utterances: 0,
  }),
  checkFields: (m, path, issues) => {
    Checks.string(m.reply, at(path, 'reply'), issues);
    Checks.string(m.strategy, at(path, 'strategy'), issues);
    Checks.bool(m.fallback, at(path, 'fallback'), issues);
    Checks.string(m.model, at(path, 'model'), issues);
    Checks.bool(m.cancelled, at(path, 'cancelled'), issues);
    Checks.uint32(m.prompt_tokens_evaluated, at(path, 'prompt_tokens_evaluated'), issues);
    Checks.uint32(m.generated_tokens, at(path, 'generated_tokens'), issues);
    Checks.float64(m.first_token_ms, at(path, 'first_token_ms'), issues);
    Checks.float64(m.total_ms, at(path, 'total_ms'), issues);
    Checks.float64(m.tokens_per_second, at(path, 'tokens_per_second'), issues);
    Checks.string(m.context_strategy, at(path, 'context_strategy'), issues);
    Checks.bool(m.context_compacted, at(path, 'context_compacted'), issues);
    Checks.uint32(m.history_utterances, at(path, 'history_utterances'), issues);
  },
});

/** ROS 2 type `hearth_interfaces/action/Generate_Feedback`, from action/Generate.action. */
export interface GenerateFeedback {
  /** One sentence, sent as soon as it has formed so speech can start before generation ends. */
  sentence: string;
  sentence_index: number;
  strategy: string;
  first_token_ms: number;
}

/** Creates, parses and checks `hearth_interfaces/action/Generate_Feedback` messages. */
export const GenerateFeedbackType = defineMessage<GenerateFeedback>({
  typeName: 'hearth_interfaces/action/Generate_Feedback',
  definition: [
    {
      name: 'sentence',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'sentence_index',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'strategy',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'first_token_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    sentence: '',
    sentence_index: 0,
    strategy: '',
    first_token_ms: 0,
  }),
  checkFields: (m, path, issues) => {
    Checks.string(m.sentence, at(path, 'sentence'), issues);
    Checks.uint32(m.sentence_index, at(path, 'sentence_index'), issues);
    Checks.string(m.strategy, at(path, 'strategy'), issues);
    Checks.float64(m.first_token_ms, at(path, 'first_token_ms'), issues);
  },
});

/**
 * Generate the robot's reply to the person's latest utterance. The llm node keeps each
 * session's history (and KV cache) itself, so the goal carries only the new turn.
 *
 * ROS 2 action `hearth_interfaces/action/Generate`, from action/Generate.action.
 */
export const GenerateAction: ActionDescriptor<GenerateGoal, GenerateResult, GenerateFeedback> =
  Object.freeze({
    typeName: 'hearth_interfaces/action/Generate',
    goal: GenerateGoalType,
    result: GenerateResultType,
    feedback: GenerateFeedbackType,
  });

/**
 * Speak a sentence. Cancel stops speaking; the result says how much was spoken.
 *
 * ROS 2 type `hearth_interfaces/action/Say_Goal`, from action/Say.action.
 */
export interface SayGoal {
  utterance_id: string;
  text: string;
  /**
   * Sentences sharing a group id (one reply) are also appended, in order, to one WAV file for the
   * group, so the whole spoken reply can be replayed or attached to the turn record. Empty: none.
   */
  group_id: string;
  /**
   * The reply's support strategy (e.g. "Reflection of feelings"; empty when none), passed on in
   * the tts events so the gesture node can take the model's own strategy instead of guessing it.
   */
  strategy: string;
}

/** Creates, parses and checks `hearth_interfaces/action/Say_Goal` messages. */
export const SayGoalType = defineMessage<SayGoal>({
  typeName: 'hearth_interfaces/action/Say_Goal',
  definition: [
    {
      name: 'utterance_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'text',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'group_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'strategy',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    utterance_id: '',
    text: '',
    group_id: '',
    strategy: '',
  }),
  checkFields: (m, path, issues) => {
    Checks.string(m.utterance_id, at(path, 'utterance_id'), issues);
    Checks.string(m.text, at(path, 'text'), issues);
    Checks.string(m.group_id, at(path, 'group_id'), issues);
    Checks.string(m.strategy, at(path, 'strategy'), issues);
  },
});

/** ROS 2 type `hearth_interfaces/action/Say_Result`, from action/Say.action. */
export interface SayResult {
  /** This sentence's audio. */
  audio_path: string;
  /** The group's WAV so far (empty when group_id was empty). */
  group_audio_path: string;
  duration_ms: number;
  /** Number of words spoken before the end (or the cancel). */
  words_spoken: number;
  cancelled: boolean;
}

/** Creates, parses and checks `hearth_interfaces/action/Say_Result` messages. */
export const SayResultType = defineMessage<SayResult>({
  typeName: 'hearth_interfaces/action/Say_Result',
  definition: [
    {
      name: 'audio_path',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'group_audio_path',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'duration_ms',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'words_spoken',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'cancelled',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    audio_path: '',
    group_audio_path: '',
    duration_ms: 0,
    words_spoken: 0,
    cancelled: false,
  }),
  checkFields: (m, path, issues) => {
    Checks.string(m.audio_path, at(path, 'audio_path'), issues);
    Checks.string(m.group_audio_path, at(path, 'group_audio_path'), issues);
    Checks.uint32(m.duration_ms, at(path, 'duration_ms'), issues);
    Checks.uint32(m.words_spoken, at(path, 'words_spoken'), issues);
    Checks.bool(m.cancelled, at(path, 'cancelled'), issues);
  },
});

/** ROS 2 type `hearth_interfaces/action/Say_Feedback`, from action/Say.action. */
export interface SayFeedback {
  /** started, word */
  event: string;
  offset_ms: number;
  text: string;
}

/** Creates, parses and checks `hearth_interfaces/action/Say_Feedback` messages. */
export const SayFeedbackType = defineMessage<SayFeedback>({
  typeName: 'hearth_interfaces/action/Say_Feedback',
  definition: [
    {
      name: 'event',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'offset_ms',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'text',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    event: '',
    offset_ms: 0,
    text: '',
  }),
  checkFields: (m, path, issues) => {
    Checks.string(m.event, at(path, 'event'), issues);
    Checks.uint32(m.offset_ms, at(path, 'offset_ms'), issues);
    Checks.string(m.text, at(path, 'text'), issues);
  },
});

/**
 * Speak a sentence. Cancel stops speaking; the result says how much was spoken.
 *
 * ROS 2 action `hearth_interfaces/action/Say`, from action/Say.action.
 */
export const SayAction: ActionDescriptor<SayGoal, SayResult, SayFeedback> = Object.freeze({
  typeName: 'hearth_interfaces/action/Say',
  goal: SayGoalType,
  result: SayResultType,
  feedback: SayFeedbackType,
});
