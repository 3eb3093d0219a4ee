/**
 * The console's websocket protocol: what the server pushes to browsers and what browsers may
 * send. Field names are camelCase here (the page's JavaScript reads them); the graph's messages
 * stay snake_case and are converted in views.ts.
 */
import type { ParameterValue } from '@hearth/graph';
import type { JointMapping } from './body/figureMapping.js';
import type { MachineGraph } from './machine/machineGraph.js';

/** The dialogue machine's state, as the page shows it. */
export interface StateView {
  readonly state: string;
  readonly previousState: string;
  readonly event: string;
  readonly sessionId: string;
  readonly turnIndex: number;
}

/** A sentence the robot starts (or ends) speaking. */
export interface SpeechView {
  readonly kind: 'start' | 'end';
  readonly utteranceId: string;
  readonly text: string;
  /** `/audio/<file>.wav` when the sentence's WAV lies in the console's audio folder, else null. */
  readonly audioUrl: string | null;
}

export interface GestureView {
  readonly name: string;
  readonly reason: string;
  readonly intensity: number;
  readonly sentence: string;
}

/** A change of the dialogue machine's public state, as the transition log shows it. */
export interface TransitionView {
  /** Milliseconds since the epoch (the DialogueState stamp). */
  readonly atMs: number;
  readonly from: string;
  readonly event: string;
  readonly to: string;
  readonly sessionId: string;
  readonly turnIndex: number;
}

/** A turn's stage times, milliseconds from the end of the person's speech; -1 where none. */
export interface StageTimes {
  /** From the wake word to the end of the person's speech; -1 without a wake word. */
  readonly wakeToSpeechEndMs: number;
  readonly llmFirstTokenMs: number;
  readonly llmTotalMs: number;
  readonly ttsFirstAudioMs: number;
  readonly turnTotalMs: number;
  readonly bargeInToSilenceMs: number;
}

export interface TurnView {
  readonly sessionId: string;
  readonly turnIndex: number;
  /** reply, greeting, check_in, reprompt, caregiver_say (TurnRecord.kind). */
  readonly kind: string;
  /** The dialogue states the turn passed through. */
  readonly states: readonly string[];
  readonly stages: StageTimes;
  readonly userText: string;
  readonly replyText: string;
  readonly strategy: string;
  readonly gestures: readonly string[];
  readonly audioUrl: string | null;
  readonly interrupted: boolean;
  readonly fallback: boolean;
}

/** A gesture of the robot profile, as the preview list shows it. */
export interface GestureInfo {
  readonly name: string;
  readonly description: string;
  readonly priority: number;
  readonly loop: boolean;
  readonly durationS: number;
  /** The robot's own animation it plays instead of keyframes; '' for a keyframed gesture. */
  readonly animation: string;
}

/** The robot profile the figure stands for, and how its joints drive the figure. */
export interface BodyView {
  readonly robot: string;
  readonly file: string;
  readonly joints: readonly {
    readonly name: string;
    readonly min: number;
    readonly max: number;
    readonly neutral: number;
  }[];
  readonly mapping: readonly JointMapping[];
  readonly unmapped: readonly string[];
  /** The figure's rest pose, by figure joint. */
  readonly figureNeutral: Readonly<Record<string, number>>;
  readonly faceExpressions: readonly string[];
  readonly gestures: readonly GestureInfo[];
}

/**
 * A motion for the figure. `trajectory`: a JointTrajectory the robot's controller got (the
 * gesture node's, scaled and limit-checked), played point by point. `command`: a gesture the
 * robot performs without joint commands (its own named animation, or one the profile lacks),
 * known only from its GestureCommand, so the page names it and cannot draw it.
 */
export interface MotionView {
  readonly source: 'trajectory' | 'command';
  /** The gesture it performs; '' for a trajectory no recent GestureCommand accounts for. */
  readonly gesture: string;
  readonly reason: string;
  readonly priority: number;
  readonly intensity: number;
  /** When to start, from the moment the page receives it (the command's offset, the trajectory's stamp). */
  readonly delayMs: number;
  readonly jointNames: readonly string[];
  readonly points: readonly { readonly timeS: number; readonly positions: readonly number[] }[];
  readonly loop: boolean;
  readonly durationS: number;
  readonly animation: string;
  readonly face: string;
  /** False when the profile has no gesture of that name (nothing to play). */
  readonly known: boolean;
}

/** The face layer: expression and mouth (FaceCommand). */
export interface FaceView {
  readonly expression: string;
  readonly jawOpen: number;
  readonly viseme: string;
}

export type ParameterKindView = 'bool' | 'integer' | 'double' | 'string' | 'string_array' | 'other';

/** One tunable parameter of a node, with what the page needs to draw its control. */
export interface ParameterView {
  readonly name: string;
  readonly kind: ParameterKindView;
  readonly value: ParameterValue;
  readonly description: string;
  readonly range: { readonly min: number; readonly max: number } | null;
}

/** A node's tunables, read through its parameters (`ros2 param get`). */
export interface TuningView {
  readonly node: string;
  readonly parameters: readonly ParameterView[];
}

/** Everything a newly connected browser needs to draw the page as it is now. */
export interface ConsoleSnapshot {
  readonly state: StateView | null;
  readonly notices: readonly string[];
  /** The most recent turns, oldest first, so a reloaded page shows the conversation so far. */
  readonly turns: readonly TurnView[];
  /** The longest message the server accepts, so the page can stop the person typing more. */
  readonly maxTextLength: number;
  /** The dialogue machine's states and transitions, from its definition. */
  readonly machine: MachineGraph;
  /** The most recent state changes, oldest first. */
  readonly transitions: readonly TransitionView[];
  /** The robot profile the figure shows; null while none could be loaded. */
  readonly body: BodyView | null;
  /** Looping gestures playing now (idle breathing, gaze), for the figure to start at once. */
  readonly motions: readonly MotionView[];
  /** The gesture node's tunables; null when the console was given no access to them. */
  readonly tuning: TuningView | null;
}

export type ErrorCode =
  | 'invalid_json'
  | 'invalid_message'
  | 'text_too_long'
  | 'wake_failed'
  | 'unknown_gesture'
  | 'gesture_refused'
  | 'tuning_unavailable'
  | 'internal';

export type ServerMessage =
  | { readonly type: 'snapshot'; readonly snapshot: ConsoleSnapshot }
  | { readonly type: 'state'; readonly state: StateView }
  | { readonly type: 'user'; readonly text: string }
  | { readonly type: 'speech'; readonly speech: SpeechView }
  | { readonly type: 'gesture'; readonly gesture: GestureView }
  | { readonly type: 'turn'; readonly turn: TurnView }
  | { readonly type: 'transition'; readonly transition: TransitionView }
  | { readonly type: 'body'; readonly body: BodyView | null }
  | { readonly type: 'motion'; readonly motion: MotionView }
  | { readonly type: 'motionStop'; readonly gesture: string }
  | { readonly type: 'face'; readonly face: FaceView }
  /** The banner's lines changed (e.g. audio_in fell back to the energy detector): all of them. */
  | { readonly type: 'notices'; readonly notices: readonly string[] }
  | { readonly type: 'tuning'; readonly tuning: TuningView }
  | {
      readonly type: 'parameterResult';
      readonly node: string;
      readonly name: string;
      readonly successful: boolean;
      readonly reason: string;
    }
  | { readonly type: 'wake'; readonly accepted: boolean; readonly state: string }
  | { readonly type: 'error'; readonly code: ErrorCode; readonly message: string };

export type ClientMessage =
  | { readonly type: 'say'; readonly text: string }
  | { readonly type: 'wake' }
  | { readonly type: 'setParameter'; readonly name: string; readonly value: ParameterValue }
  | { readonly type: 'playGesture'; readonly name: string };

export type ParseResult =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/**
 * Validates one frame from a browser. Anything a browser sends is untrusted: the frame must be a
 * JSON object of a known type, and `say` text a non-blank string of at most `maxTextLength`
 * characters (after trimming).
 */
export function parseClientMessage(raw: string, maxTextLength: number): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      code: 'invalid_json',
      message: 'The message is not JSON; send {"type":"say","text":"..."}.',
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      code: 'invalid_message',
      message: 'The message must be a JSON object with a "type".',
    };
  }
  const record = value as Record<string, unknown>;
  switch (record['type']) {
    case 'wake':
      return { ok: true, message: { type: 'wake' } };
    case 'say': {
      const text = record['text'];
      if (typeof text !== 'string') {
        return { ok: false, code: 'invalid_message', message: '"say" needs a "text" string.' };
      }
      const trimmed = text.trim();
      if (trimmed.length === 0) {
        return { ok: false, code: 'invalid_message', message: 'Type something before sending.' };
      }
      if (trimmed.length > maxTextLength) {
        return {
          ok: false,
          code: 'text_too_long',
          message: `The message has ${trimmed.length} characters; the limit is ${maxTextLength}. Send a shorter one.`,
        };
      }
      return { ok: true, message: { type: 'say', text: trimmed } };
    }
    case 'setParameter': {
      const name = record['name'];
      const value = record['value'];
      if (typeof name !== 'string' || name === '' || !isParameterValue(value)) {
        return {
          ok: false,
          code: 'invalid_message',
          message:
            '"setParameter" needs a "name" string and a "value": a boolean, number, string or an array of one of them.',
        };
      }
      return { ok: true, message: { type: 'setParameter', name, value } };
    }
    case 'playGesture': {
      const name = record['name'];
      if (typeof name !== 'string' || name === '') {
        return {
          ok: false,
          code: 'invalid_message',
          message: '"playGesture" needs the gesture\'s "name".',
        };
      }
      return { ok: true, message: { type: 'playGesture', name } };
    }
    default:
      return {
        ok: false,
        code: 'invalid_message',
        message: `Unknown message type ${JSON.stringify(record['type'])}; expected "say", "wake", "setParameter" or "playGesture".`,
      };
  }
}

/** A value a ROS 2 parameter can hold: a scalar, or an array whose items share one type. */
function isParameterValue(value: unknown): value is ParameterValue {
  if (typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!Array.isArray(value)) return false;
  const first: unknown = value[0];
  if (first === undefined) return true;
  const kind = typeof first;
  if (kind !== 'boolean' && kind !== 'string' && kind !== 'number') return false;
  return value.every(
    (item: unknown) => typeof item === kind && (kind !== 'number' || Number.isFinite(item)),
  );
}
