import type { GraphNode, ParameterValue } from '@hearth/graph';

/**
 * The gesture node's tunables besides `gestures_file`: every one a live parameter, so a
 * roboticist retunes a running robot with `ros2 param set /gesture NAME VALUE` (or from the
 * simulator's console). Declared in one place so the README's table and the code agree.
 */
export interface GestureSettings {
  readonly enabled: boolean;
  readonly intensity: number;
  readonly strategyGestures: readonly string[];
  readonly stateGestures: readonly string[];
  readonly affectGestures: readonly string[];
  readonly sentenceCues: readonly string[];
  readonly defaultGesture: string;
  readonly gestureIntensities: readonly string[];
  readonly inferStrategy: boolean;
  readonly speechOffsetMs: number;
  readonly alignToWords: boolean;
  readonly wordWaitMs: number;
  readonly maxWaitMs: number;
  readonly affectThreshold: number;
  readonly affectSoftening: number;
  readonly lipSyncEnabled: boolean;
  readonly lipSyncGain: number;
  readonly lipSyncOffsetMs: number;
  readonly backchannelEnabled: boolean;
  readonly backchannelGesture: string;
  readonly backchannelPauseMs: number;
  readonly backchannelIntervalMs: number;
  readonly backchannelFace: string;
  readonly backchannelFaceMs: number;
  readonly micGateEnabled: boolean;
  readonly micGateMinPriority: number;
  readonly micGateTailMs: number;
}

type Kind = 'bool' | 'integer' | 'double' | 'string' | 'string_array';

interface Declaration {
  readonly key: keyof GestureSettings;
  readonly kind: Kind;
  readonly value: ParameterValue;
  readonly description: string;
  readonly range?: { readonly min: number; readonly max: number };
}

/** Parameter name (snake_case, as in params.yaml) to its declaration. */
export const GESTURE_PARAMETERS: Readonly<Record<string, Declaration>> = {
  enabled: {
    key: 'enabled',
    kind: 'bool',
    value: true,
    description: 'Publish gesture commands at all.',
  },
  intensity: {
    key: 'intensity',
    kind: 'double',
    value: 1.0,
    range: { min: 0, max: 1 },
    description: "Scales every gesture's amplitude, 0 (still) to 1 (as authored).",
  },
  strategy_gestures: {
    key: 'strategyGestures',
    kind: 'string_array',
    value: [],
    description:
      "Overrides of the profile's strategy mapping, 'Strategy=gesture' (empty gesture: none).",
  },
  state_gestures: {
    key: 'stateGestures',
    kind: 'string_array',
    value: [],
    description: "Overrides of the profile's state mapping, 'state=gesture' or 'state=g1+g2'.",
  },
  affect_gestures: {
    key: 'affectGestures',
    kind: 'string_array',
    value: [],
    description: "Overrides of the profile's affect mapping, 'emotion=gesture'.",
  },
  sentence_cues: {
    key: 'sentenceCues',
    kind: 'string_array',
    value: [],
    description:
      "Overrides of the profile's sentence cues, checked first: 'hello=wave' (a word or phrase), '*?=head_tilt' (an ending); 'hey=' switches a trigger off.",
  },
  default_gesture: {
    key: 'defaultGesture',
    kind: 'string',
    value: '',
    description:
      "The gesture for a sentence no cue, strategy, affect or state chose one for; '' for the profile's default.",
  },
  gesture_intensities: {
    key: 'gestureIntensities',
    kind: 'string_array',
    value: [],
    description: "Per-gesture amplitude, 'gesture=0.5', multiplied with intensity.",
  },
  infer_strategy: {
    key: 'inferStrategy',
    kind: 'bool',
    value: true,
    description:
      "Guess a sentence's support strategy from its words when tts's start event carries none.",
  },
  speech_offset_ms: {
    key: 'speechOffsetMs',
    kind: 'integer',
    value: 0,
    range: { min: 0, max: 5000 },
    description:
      "Delay from a gesture's word (or the sentence's start) being heard to the gesture (ms).",
  },
  align_to_words: {
    key: 'alignToWords',
    kind: 'bool',
    value: true,
    description:
      "Start a sentence's gesture on the tts word event of its word (the cue's word, else the first content word), not at the sentence's start.",
  },
  word_wait_ms: {
    key: 'wordWaitMs',
    kind: 'integer',
    value: 600,
    range: { min: 0, max: 5000 },
    description:
      'With align_to_words: how long after a start event without any word event the gesture goes anyway (ms).',
  },
  max_wait_ms: {
    key: 'maxWaitMs',
    kind: 'integer',
    value: 1500,
    range: { min: 0, max: 10000 },
    description: 'How long a gesture waits for joints a higher or equal gesture holds (ms).',
  },
  affect_threshold: {
    key: 'affectThreshold',
    kind: 'double',
    value: 0.4,
    range: { min: 0, max: 1 },
    description: "Least affect intensity that chooses the emotion's gesture.",
  },
  affect_softening: {
    key: 'affectSoftening',
    kind: 'double',
    value: 0.4,
    range: { min: 0, max: 1 },
    description: 'With negative affect, gestures are scaled by 1 - softening * affect intensity.',
  },
  lip_sync_enabled: {
    key: 'lipSyncEnabled',
    kind: 'bool',
    value: true,
    description: 'Move the mouth from the tts viseme events.',
  },
  lip_sync_gain: {
    key: 'lipSyncGain',
    kind: 'double',
    value: 1.0,
    range: { min: 0, max: 2 },
    description: "Scales the mouth's opening (clamped to 1).",
  },
  lip_sync_offset_ms: {
    key: 'lipSyncOffsetMs',
    kind: 'integer',
    value: 0,
    range: { min: 0, max: 1000 },
    description: 'Delay of mouth shapes after their viseme events (ms).',
  },
  backchannel_enabled: {
    key: 'backchannelEnabled',
    kind: 'bool',
    value: true,
    description: 'Small nods on pauses while the person speaks.',
  },
  backchannel_gesture: {
    key: 'backchannelGesture',
    kind: 'string',
    value: 'small_nod',
    description: 'The listening cue; falls back to the mapping default if the profile lacks it.',
  },
  backchannel_pause_ms: {
    key: 'backchannelPauseMs',
    kind: 'integer',
    value: 700,
    range: { min: 100, max: 10000 },
    description: "Silence in the person's speech that counts as a pause (ms).",
  },
  backchannel_interval_ms: {
    key: 'backchannelIntervalMs',
    kind: 'integer',
    value: 3000,
    range: { min: 0, max: 60000 },
    description: 'Fewest milliseconds between two listening cues.',
  },
  backchannel_face: {
    key: 'backchannelFace',
    kind: 'string',
    value: 'warm',
    description:
      "Face expression shown with each listening cue (one of the profile's face_expressions; empty or unknown: none).",
  },
  backchannel_face_ms: {
    key: 'backchannelFaceMs',
    kind: 'integer',
    value: 1500,
    range: { min: 0, max: 60000 },
    description:
      "How long the listening cue's expression shows before the previous one returns (ms; 0 keeps it).",
  },
  mic_gate_enabled: {
    key: 'micGateEnabled',
    kind: 'bool',
    value: false,
    description: 'Close the microphone (MicGate) while gestures move the motors.',
  },
  mic_gate_min_priority: {
    key: 'micGateMinPriority',
    kind: 'integer',
    value: 2,
    range: { min: 0, max: 255 },
    description: 'Only gestures of this priority or higher close the microphone.',
  },
  mic_gate_tail_ms: {
    key: 'micGateTailMs',
    kind: 'integer',
    value: 300,
    range: { min: 0, max: 5000 },
    description: 'How long after the last motion the microphone opens again (ms).',
  },
};

export function declareGestureParameters(node: GraphNode): void {
  for (const [name, declaration] of Object.entries(GESTURE_PARAMETERS)) {
    node.declareParameter(name, declaration.value, {
      description: declaration.description,
      kind: declaration.kind,
      ...(declaration.range ? { range: declaration.range } : {}),
    });
  }
}

/** The settings from parameter values (the node's, or candidate values being validated). */
export function readGestureSettings(values: Record<string, ParameterValue>): GestureSettings {
  const settings: Record<string, ParameterValue> = {};
  for (const [name, declaration] of Object.entries(GESTURE_PARAMETERS))
    settings[declaration.key] = values[name] ?? declaration.value;
  return settings as unknown as GestureSettings;
}

/** `gesture=0.5` entries; throws an Error naming the entry and the fix. */
export function parseGestureIntensities(
  entries: readonly string[],
  known: ReadonlySet<string>,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const entry of entries) {
    const [name = '', value = ''] = entry.split('=').map((part) => part.trim());
    const scale = Number(value);
    if (!known.has(name) || value === '' || !(scale >= 0 && scale <= 1)) {
      throw new Error(
        `gesture_intensities entry "${entry}" must be GESTURE=0..1 with a gesture of the robot profile (${[...known].join(', ')})`,
      );
    }
    result.set(name, scale);
  }
  return result;
}
