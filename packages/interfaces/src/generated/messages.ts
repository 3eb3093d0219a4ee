// generated, do not edit: written by packages/interfaces/scripts/generate.mjs from the
// .msg, .action and .srv files of hearth_interfaces. Change those and run `pnpm gen:interfaces`.

import { defineMessage } from '../defineMessage.js';
import type { Duration, Time } from '../runtime.js';
import { Checks, at, checkArray } from '../validation.js';
import { DurationType, TimeType } from './builtin_interfaces.js';
import { type Header, HeaderType } from './std_msgs.js';

/**
 * An estimate of the person's affect for the current turn (ESConv's emotion set).
 *
 * ROS 2 type `hearth_interfaces/msg/Affect`, from msg/Affect.msg.
 */
export interface Affect {
  stamp: Time;
  session_id: string;
  /** anxiety, depression, sadness, anger, fear, disgust, shame, neutral */
  emotion: string;
  /** 0 (none) to 1 (strong). */
  intensity: number;
  /** -1 (negative) to 1 (positive). */
  valence: number;
}

/** Creates, parses and checks `hearth_interfaces/msg/Affect` messages. */
export const AffectType = defineMessage<Affect>({
  typeName: 'hearth_interfaces/msg/Affect',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'session_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'emotion',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'intensity',
      type: 'float32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'valence',
      type: 'float32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    session_id: '',
    emotion: '',
    intensity: 0,
    valence: 0,
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.session_id, at(path, 'session_id'), issues);
    Checks.string(m.emotion, at(path, 'emotion'), issues);
    Checks.float32(m.intensity, at(path, 'intensity'), issues);
    Checks.float32(m.valence, at(path, 'valence'), issues);
  },
});

/**
 * audio_common_msgs/msg/AudioData, field for field: a chunk of audio bytes whose format is given
 * elsewhere (audio_common's AudioInfo; audio_in's topic_* parameters). Only nested in
 * AudioDataStamped; on ROS 2 it is sent as audio_common_msgs/msg/AudioData.
 *
 * ROS 2 type `hearth_interfaces/msg/AudioData`, from msg/AudioData.msg.
 * Sent on ROS 2 as `audio_common_msgs/msg/AudioData` (the file's `@ros-type`).
 */
export interface AudioData {
  data: number[];
}

/** Creates, parses and checks `hearth_interfaces/msg/AudioData` messages. */
export const AudioDataType = defineMessage<AudioData>({
  typeName: 'hearth_interfaces/msg/AudioData',
  rosTypeName: 'audio_common_msgs/msg/AudioData',
  definition: [
    {
      name: 'data',
      type: 'uint8',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    data: [],
  }),
  checkFields: (m, path, issues) => {
    checkArray(m.data, at(path, 'data'), issues, 'uint8[]', null, Checks.uint8);
  },
});

/**
 * Raw audio from a robot's own audio driver: audio_common's (ROS 2)
 * audio_common_msgs/msg/AudioDataStamped, field for field, and sent as that type on ROS 2, so
 * audio_in with source `topic` reads the driver's topic directly.
 * Best-effort, as audio_common publishes it. The bytes' format is not in the message: audio_in's
 * parameters give it, as audio_common's AudioInfo does (sample rate, channels, sample format
 * S16LE or F32LE, interleaved).
 *
 * ROS 2 type `hearth_interfaces/msg/AudioDataStamped`, from msg/AudioDataStamped.msg.
 * Sent on ROS 2 as `audio_common_msgs/msg/AudioDataStamped` (the file's `@ros-type`).
 */
export interface AudioDataStamped {
  /**
   * When the first sample was captured; a zero stamp means "unknown", and audio_in uses the
   * message's arrival time instead.
   */
  header: Header;
  /** Interleaved PCM in the format audio_in's topic_* parameters name. */
  audio: AudioData;
}

/** Creates, parses and checks `hearth_interfaces/msg/AudioDataStamped` messages. */
export const AudioDataStampedType = defineMessage<AudioDataStamped>({
  typeName: 'hearth_interfaces/msg/AudioDataStamped',
  rosTypeName: 'audio_common_msgs/msg/AudioDataStamped',
  definition: [
    {
      name: 'header',
      type: 'std_msgs/msg/Header',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'audio',
      type: 'hearth_interfaces/msg/AudioData',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    header: HeaderType.create(),
    audio: AudioDataType.create(),
  }),
  checkFields: (m, path, issues) => {
    HeaderType.collectIssues(m.header, at(path, 'header'), issues);
    AudioDataType.collectIssues(m.audio, at(path, 'audio'), issues);
  },
});

/**
 * One frame of captured audio: 16 kHz mono signed 16-bit PCM, typically 20-32 ms.
 * Published best-effort with a short queue: a late frame is worth less than a fresh one.
 *
 * ROS 2 type `hearth_interfaces/msg/AudioFrame`, from msg/AudioFrame.msg.
 */
export interface AudioFrame {
  stamp: Time;
  sample_rate: number;
  channels: number;
  samples: number[];
}

/** Creates, parses and checks `hearth_interfaces/msg/AudioFrame` messages. */
export const AudioFrameType = defineMessage<AudioFrame>({
  typeName: 'hearth_interfaces/msg/AudioFrame',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'sample_rate',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'channels',
      type: 'uint8',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'samples',
      type: 'int16',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    sample_rate: 0,
    channels: 0,
    samples: [],
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.uint32(m.sample_rate, at(path, 'sample_rate'), issues);
    Checks.uint8(m.channels, at(path, 'channels'), issues);
    checkArray(m.samples, at(path, 'samples'), issues, 'int16[]', null, Checks.int16);
  },
});

/**
 * A command from a caregiver (care dashboard or console), validated before it reaches the graph.
 *
 * ROS 2 type `hearth_interfaces/msg/CaregiverCommand`, from msg/CaregiverCommand.msg.
 */
export interface CaregiverCommand {
  stamp: Time;
  /** pause, resume, say, end-session, ack-alert, set-quiet-hours */
  verb: string;
  /**
   * Text to say for verb == say; for set-quiet-hours "HH:MM-HH:MM" (local time), or "" to turn
   * quiet hours off.
   */
  text: string;
  /** Alert to acknowledge for verb == ack-alert. */
  alert_id: string;
  /** Who sent it (user name on the dashboard); never a password or token. */
  issued_by: string;
}

/** Creates, parses and checks `hearth_interfaces/msg/CaregiverCommand` messages. */
export const CaregiverCommandType = defineMessage<CaregiverCommand>({
  typeName: 'hearth_interfaces/msg/CaregiverCommand',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'verb',
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
      name: 'alert_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'issued_by',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    verb: '',
    text: '',
    alert_id: '',
    issued_by: '',
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.verb, at(path, 'verb'), issues);
    Checks.string(m.text, at(path, 'text'), issues);
    Checks.string(m.alert_id, at(path, 'alert_id'), issues);
    Checks.string(m.issued_by, at(path, 'issued_by'), issues);
  },
});

/**
 * The dialogue machine's current state. Published reliable and transient-local, so a late
 * subscriber (the console, the dashboard bridge) gets the current state at once.
 *
 * ROS 2 type `hearth_interfaces/msg/DialogueState`, from msg/DialogueState.msg.
 */
export interface DialogueState {
  stamp: Time;
  /** asleep, listening, thinking, speaking, followUp, crisis, paused, recovering */
  state: string;
  previous_state: string;
  /** The event type that caused the transition, e.g. wake.detected, speech.final. */
  event: string;
  /** Empty while no session is open. */
  session_id: string;
  turn_index: number;
}

/** Creates, parses and checks `hearth_interfaces/msg/DialogueState` messages. */
export const DialogueStateType = defineMessage<DialogueState>({
  typeName: 'hearth_interfaces/msg/DialogueState',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'state',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'previous_state',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'event',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'session_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'turn_index',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    state: '',
    previous_state: '',
    event: '',
    session_id: '',
    turn_index: 0,
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.state, at(path, 'state'), issues);
    Checks.string(m.previous_state, at(path, 'previous_state'), issues);
    Checks.string(m.event, at(path, 'event'), issues);
    Checks.string(m.session_id, at(path, 'session_id'), issues);
    Checks.uint32(m.turn_index, at(path, 'turn_index'), issues);
  },
});

/**
 * The face layer: the expression on the face screen and the mouth for lip-sync. It never
 * competes with arm or head gestures, so the robot's driver applies it on top of them.
 *
 * ROS 2 type `hearth_interfaces/msg/FaceCommand`, from msg/FaceCommand.msg.
 */
export interface FaceCommand {
  stamp: Time;
  /** Face expression from the robot profile's face_expressions; empty keeps the current one. */
  expression: string;
  /** Mouth opening, 0 (closed) to 1 (wide), for a jaw joint or a drawn mouth. */
  jaw_open: number;
  /**
   * The viseme this mouth shape comes from (tts SpeechEvent.viseme); empty for an expression alone.
   */
  viseme: string;
  /** The utterance being lip-synced; empty for an expression alone. */
  utterance_id: string;
}

/** Creates, parses and checks `hearth_interfaces/msg/FaceCommand` messages. */
export const FaceCommandType = defineMessage<FaceCommand>({
  typeName: 'hearth_interfaces/msg/FaceCommand',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'expression',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'jaw_open',
      type: 'float32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'viseme',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'utterance_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    expression: '',
    jaw_open: 0,
    viseme: '',
    utterance_id: '',
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.expression, at(path, 'expression'), issues);
    Checks.float32(m.jaw_open, at(path, 'jaw_open'), issues);
    Checks.string(m.viseme, at(path, 'viseme'), issues);
    Checks.string(m.utterance_id, at(path, 'utterance_id'), issues);
  },
});

/**
 * A named gesture for the robot to perform, from the robot profile's gesture table.
 *
 * ROS 2 type `hearth_interfaces/msg/GestureCommand`, from msg/GestureCommand.msg.
 */
export interface GestureCommand {
  stamp: Time;
  name: string;
  /**
   * Why it was chosen: sentence, state, strategy, affect, backchannel (a listening nod), stop
   * (a looping gesture ends: the driver stops it) or preview (the web console asked for it); values
   * in vocabulary.ts GESTURE_REASONS.
   */
  reason: string;
  /** Higher wins when two gestures compete for the same joints. */
  priority: number;
  /** 0 to 1, scales the amplitude of the motion. */
  intensity: number;
  /** The sentence this gesture accompanies, if any. */
  sentence: string;
  /** When to start, relative to stamp, in milliseconds (lets gestures align with speech). */
  start_offset_ms: number;
}

/** Creates, parses and checks `hearth_interfaces/msg/GestureCommand` messages. */
export const GestureCommandType = defineMessage<GestureCommand>({
  typeName: 'hearth_interfaces/msg/GestureCommand',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'name',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'reason',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'priority',
      type: 'uint8',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'intensity',
      type: 'float32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'sentence',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'start_offset_ms',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    name: '',
    reason: '',
    priority: 0,
    intensity: 0,
    sentence: '',
    start_offset_ms: 0,
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.name, at(path, 'name'), issues);
    Checks.string(m.reason, at(path, 'reason'), issues);
    Checks.uint8(m.priority, at(path, 'priority'), issues);
    Checks.float32(m.intensity, at(path, 'intensity'), issues);
    Checks.string(m.sentence, at(path, 'sentence'), issues);
    Checks.uint32(m.start_offset_ms, at(path, 'start_offset_ms'), issues);
  },
});

/**
 * A list of ids as ros4hri publishes it (hri_msgs/msg/IdsList, field for field), e.g. the people
 * tracked now on /humans/persons/tracked. The telemetry node reads it to know who is with the
 * robot, so that the most restrictive consent among them applies. On ROS 2 it is sent as
 * hri_msgs/msg/IdsList, so ros4hri's person manager feeds Hearth directly.
 *
 * ROS 2 type `hearth_interfaces/msg/IdsList`, from msg/IdsList.msg.
 * Sent on ROS 2 as `hri_msgs/msg/IdsList` (the file's `@ros-type`).
 */
export interface IdsList {
  header: Header;
  /** The ids (ros4hri person ids, e.g. a recognised person's id, or anonymous_person_<n>). */
  ids: string[];
}

/** Creates, parses and checks `hearth_interfaces/msg/IdsList` messages. */
export const IdsListType = defineMessage<IdsList>({
  typeName: 'hearth_interfaces/msg/IdsList',
  rosTypeName: 'hri_msgs/msg/IdsList',
  definition: [
    {
      name: 'header',
      type: 'std_msgs/msg/Header',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'ids',
      type: 'string',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    header: HeaderType.create(),
    ids: [],
  }),
  checkFields: (m, path, issues) => {
    HeaderType.collectIssues(m.header, at(path, 'header'), issues);
    checkArray(m.ids, at(path, 'ids'), issues, 'string[]', null, Checks.string);
  },
});

/**
 * trajectory_msgs/JointTrajectory, field for field: the joint motion of a gesture as the gesture
 * node performs it, published once per gesture start (per layer) for a robot's joint trajectory
 * controller (e.g. /head_controller/joint_trajectory) or the console's figure. On a robot the
 * message is sent as trajectory_msgs/msg/JointTrajectory.
 *
 * ROS 2 type `hearth_interfaces/msg/JointTrajectory`, from msg/JointTrajectory.msg.
 * Sent on ROS 2 as `trajectory_msgs/msg/JointTrajectory` (the file's `@ros-type`).
 */
export interface JointTrajectory {
  /**
   * The header's stamp is when the trajectory starts; zero (as the gesture node sends it) means
   * "start at once, on receipt". frame_id is empty (joint space has no frame).
   */
  header: Header;
  /** The joints each point lists, in order. */
  joint_names: string[];
  /** Positions (and optionally velocities, accelerations, efforts) at times from the start. */
  points: JointTrajectoryPoint[];
}

/** Creates, parses and checks `hearth_interfaces/msg/JointTrajectory` messages. */
export const JointTrajectoryType = defineMessage<JointTrajectory>({
  typeName: 'hearth_interfaces/msg/JointTrajectory',
  rosTypeName: 'trajectory_msgs/msg/JointTrajectory',
  definition: [
    {
      name: 'header',
      type: 'std_msgs/msg/Header',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'joint_names',
      type: 'string',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'points',
      type: 'hearth_interfaces/msg/JointTrajectoryPoint',
      primitive: false,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    header: HeaderType.create(),
    joint_names: [],
    points: [],
  }),
  checkFields: (m, path, issues) => {
    HeaderType.collectIssues(m.header, at(path, 'header'), issues);
    checkArray(m.joint_names, at(path, 'joint_names'), issues, 'string[]', null, Checks.string);
    checkArray(
      m.points,
      at(path, 'points'),
      issues,
      'hearth_interfaces/JointTrajectoryPoint[]',
      null,
      JointTrajectoryPointType.collectIssues,
    );
  },
});

/**
 * trajectory_msgs/JointTrajectoryPoint, field for field: one point of a JointTrajectory, each
 * array in the order of the trajectory's joint_names (or empty where not given).
 *
 * ROS 2 type `hearth_interfaces/msg/JointTrajectoryPoint`, from msg/JointTrajectoryPoint.msg.
 * Sent on ROS 2 as `trajectory_msgs/msg/JointTrajectoryPoint` (the file's `@ros-type`).
 */
export interface JointTrajectoryPoint {
  /** Radians (or metres for prismatic joints). */
  positions: number[];
  /** Radians per second; empty: the controller interpolates. */
  velocities: number[];
  accelerations: number[];
  effort: number[];
  /** When the joints reach this point, from the trajectory's start. */
  time_from_start: Duration;
}

/** Creates, parses and checks `hearth_interfaces/msg/JointTrajectoryPoint` messages. */
export const JointTrajectoryPointType = defineMessage<JointTrajectoryPoint>({
  typeName: 'hearth_interfaces/msg/JointTrajectoryPoint',
  rosTypeName: 'trajectory_msgs/msg/JointTrajectoryPoint',
  definition: [
    {
      name: 'positions',
      type: 'float64',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'velocities',
      type: 'float64',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'accelerations',
      type: 'float64',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'effort',
      type: 'float64',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'time_from_start',
      type: 'builtin_interfaces/msg/Duration',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    positions: [],
    velocities: [],
    accelerations: [],
    effort: [],
    time_from_start: DurationType.create(),
  }),
  checkFields: (m, path, issues) => {
    checkArray(m.positions, at(path, 'positions'), issues, 'float64[]', null, Checks.float64);
    checkArray(m.velocities, at(path, 'velocities'), issues, 'float64[]', null, Checks.float64);
    checkArray(
      m.accelerations,
      at(path, 'accelerations'),
      issues,
      'float64[]',
      null,
      Checks.float64,
    );
    checkArray(m.effort, at(path, 'effort'), issues, 'float64[]', null, Checks.float64);
    DurationType.collectIssues(m.time_from_start, at(path, 'time_from_start'), issues);
  },
});

/**
 * The person's speech as ros4hri publishes it (hri_msgs/msg/LiveSpeech of hri_msgs 2.2.1 and
 * later, field for field), on /humans/voices/<voice_id>/speech beside Hearth's own
 * /hearth/stt/transcript: a series of incremental results, then one final result. On ROS 2 it is
 * sent as hri_msgs/msg/LiveSpeech, so existing HRI tools read Hearth's recognizer directly.
 *
 * ROS 2 type `hearth_interfaces/msg/LiveSpeech`, from msg/LiveSpeech.msg.
 * Sent on ROS 2 as `hri_msgs/msg/LiveSpeech` (the file's `@ros-type`).
 */
export interface LiveSpeech {
  header: Header;
  /** The partial hypothesis so far ('' in a final message). */
  incremental: string;
  /** The final recognised text ('' in an incremental message). */
  final: string;
  /** Confidence of the final recognised text, 0 to 1 (0 where the engine gives none). */
  confidence: number;
  /** ISO 639-1 language, underscore, ISO 3166-1 region, e.g. en_GB (hri_msgs' format). */
  locale: string;
}

/** Creates, parses and checks `hearth_interfaces/msg/LiveSpeech` messages. */
export const LiveSpeechType = defineMessage<LiveSpeech>({
  typeName: 'hearth_interfaces/msg/LiveSpeech',
  rosTypeName: 'hri_msgs/msg/LiveSpeech',
  definition: [
    {
      name: 'header',
      type: 'std_msgs/msg/Header',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'incremental',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'final',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'confidence',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'locale',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    header: HeaderType.create(),
    incremental: '',
    final: '',
    confidence: 0,
    locale: '',
  }),
  checkFields: (m, path, issues) => {
    HeaderType.collectIssues(m.header, at(path, 'header'), issues);
    Checks.string(m.incremental, at(path, 'incremental'), issues);
    Checks.string(m.final, at(path, 'final'), issues);
    Checks.float64(m.confidence, at(path, 'confidence'), issues);
    Checks.string(m.locale, at(path, 'locale'), issues);
  },
});

/**
 * Whether the microphone should listen: closed while the robot's own motors are loud (a gesture
 * is moving), so recognition and the wake word do not hear them. Published by the gesture node
 * when its mic_gate_enabled parameter is true; audio input and stt may honour it.
 *
 * ROS 2 type `hearth_interfaces/msg/MicGate`, from msg/MicGate.msg.
 */
export interface MicGate {
  stamp: Time;
  open: boolean;
  /** Why it changed, e.g. the gesture that closed it, or "motion ended". */
  reason: string;
}

/** Creates, parses and checks `hearth_interfaces/msg/MicGate` messages. */
export const MicGateType = defineMessage<MicGate>({
  typeName: 'hearth_interfaces/msg/MicGate',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'open',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'reason',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    open: false,
    reason: '',
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.bool(m.open, at(path, 'open'), issues);
    Checks.string(m.reason, at(path, 'reason'), issues);
  },
});

/**
 * A risk the safety screen found in what the person said, for caregivers.
 *
 * ROS 2 type `hearth_interfaces/msg/SafetyAlert`, from msg/SafetyAlert.msg.
 */
export interface SafetyAlert {
  stamp: Time;
  alert_id: string;
  session_id: string;
  /** none, low, moderate, high, imminent */
  level: string;
  /** suicidal_ideation, self_harm, harm_to_others, abuse, medical_emergency */
  category: string;
  reasons: string[];
  /** What the robot said in response. */
  message: string;
}

/** Creates, parses and checks `hearth_interfaces/msg/SafetyAlert` messages. */
export const SafetyAlertType = defineMessage<SafetyAlert>({
  typeName: 'hearth_interfaces/msg/SafetyAlert',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'alert_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'session_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'level',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'category',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'reasons',
      type: 'string',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'message',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    alert_id: '',
    session_id: '',
    level: '',
    category: '',
    reasons: [],
    message: '',
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.alert_id, at(path, 'alert_id'), issues);
    Checks.string(m.session_id, at(path, 'session_id'), issues);
    Checks.string(m.level, at(path, 'level'), issues);
    Checks.string(m.category, at(path, 'category'), issues);
    checkArray(m.reasons, at(path, 'reasons'), issues, 'string[]', null, Checks.string);
    Checks.string(m.message, at(path, 'message'), issues);
  },
});

/**
 * One conversation session, published by the dialogue node when it ends (goodbye, inactivity or a
 * caregiver's end-session).
 *
 * ROS 2 type `hearth_interfaces/msg/SessionSummary`, from msg/SessionSummary.msg.
 */
export interface SessionSummary {
  stamp: Time;
  session_id: string;
  /** goodbye, inactivity, caregiver */
  reason: string;
  started: Time;
  duration_ms: number;
  /** User turns in the session, and how many of the robot's replies were interrupted. */
  turns: number;
  interruptions: number;
  /** Safety alerts raised in the session. */
  alerts: number;
  /**
   * The person's mood at the start and end of the session: the first and the last affect estimate
   * of the session, as "<emotion> <intensity 0-1, 2 decimals>", e.g. "sadness 0.62"; empty when
   * none was estimated.
   */
  mood_start: string;
  mood_end: string;
  /**
   * Time to the first audio of each reply, from the end of the person's speech; -1 when no reply
   * was spoken.
   */
  first_audio_mean_ms: number;
  first_audio_p50_ms: number;
  first_audio_p95_ms: number;
  /**
   * What the session was about, for a caregiver without transcripts: coarse topic labels of what
   * the person said (sleep, loneliness, grief, health, family, work, ...; see the dialogue's
   * sessionTopics.ts), and the support strategies the replies used (names from
   * SUPPORT_STRATEGIES or EXTES_STRATEGIES), each once, in order of first use. Labels, never words.
   */
  topics: string[];
  strategies: string[];
}

/** Creates, parses and checks `hearth_interfaces/msg/SessionSummary` messages. */
export const SessionSummaryType = defineMessage<SessionSummary>({
  typeName: 'hearth_interfaces/msg/SessionSummary',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'session_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'reason',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'started',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'duration_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'turns',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'interruptions',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'alerts',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'mood_start',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'mood_end',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'first_audio_mean_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'first_audio_p50_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'first_audio_p95_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'topics',
      type: 'string',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'strategies',
      type: 'string',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    session_id: '',
    reason: '',
    started: TimeType.create(),
    duration_ms: 0,
    turns: 0,
    interruptions: 0,
    alerts: 0,
    mood_start: '',
    mood_end: '',
    first_audio_mean_ms: 0,
    first_audio_p50_ms: 0,
    first_audio_p95_ms: 0,
    topics: [],
    strategies: [],
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.session_id, at(path, 'session_id'), issues);
    Checks.string(m.reason, at(path, 'reason'), issues);
    TimeType.collectIssues(m.started, at(path, 'started'), issues);
    Checks.float64(m.duration_ms, at(path, 'duration_ms'), issues);
    Checks.uint32(m.turns, at(path, 'turns'), issues);
    Checks.uint32(m.interruptions, at(path, 'interruptions'), issues);
    Checks.uint32(m.alerts, at(path, 'alerts'), issues);
    Checks.string(m.mood_start, at(path, 'mood_start'), issues);
    Checks.string(m.mood_end, at(path, 'mood_end'), issues);
    Checks.float64(m.first_audio_mean_ms, at(path, 'first_audio_mean_ms'), issues);
    Checks.float64(m.first_audio_p50_ms, at(path, 'first_audio_p50_ms'), issues);
    Checks.float64(m.first_audio_p95_ms, at(path, 'first_audio_p95_ms'), issues);
    checkArray(m.topics, at(path, 'topics'), issues, 'string[]', null, Checks.string);
    checkArray(m.strategies, at(path, 'strategies'), issues, 'string[]', null, Checks.string);
  },
});

/**
 * Timing of the robot's own speech, for lip-sync, gestures and self-hearing suppression.
 *
 * ROS 2 type `hearth_interfaces/msg/SpeechEvent`, from msg/SpeechEvent.msg.
 */
export interface SpeechEvent {
  stamp: Time;
  utterance_id: string;
  /** start, word, viseme, end */
  kind: string;
  /** The sentence (start, end) or word (word) concerned. */
  text: string;
  /** Offset of this event from the start of the utterance's audio, in milliseconds. */
  offset_ms: number;
  /** Viseme identifier for kind == viseme. */
  viseme: string;
  /** The WAV file holding this utterance's audio, where one was written. */
  audio_path: string;
  /**
   * The support strategy of the utterance (from the Say goal), on start events; empty when none.
   */
  strategy: string;
}

/** Creates, parses and checks `hearth_interfaces/msg/SpeechEvent` messages. */
export const SpeechEventType = defineMessage<SpeechEvent>({
  typeName: 'hearth_interfaces/msg/SpeechEvent',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'utterance_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'kind',
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
      name: 'offset_ms',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'viseme',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'audio_path',
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
    stamp: TimeType.create(),
    utterance_id: '',
    kind: '',
    text: '',
    offset_ms: 0,
    viseme: '',
    audio_path: '',
    strategy: '',
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.utterance_id, at(path, 'utterance_id'), issues);
    Checks.string(m.kind, at(path, 'kind'), issues);
    Checks.string(m.text, at(path, 'text'), issues);
    Checks.uint32(m.offset_ms, at(path, 'offset_ms'), issues);
    Checks.string(m.viseme, at(path, 'viseme'), issues);
    Checks.string(m.audio_path, at(path, 'audio_path'), issues);
    Checks.string(m.strategy, at(path, 'strategy'), issues);
  },
});

/**
 * Speech-to-text output, partial (is_final false) or final.
 *
 * ROS 2 type `hearth_interfaces/msg/Transcript`, from msg/Transcript.msg.
 */
export interface Transcript {
  stamp: Time;
  text: string;
  is_final: boolean;
  confidence: number;
  /** BCP-47 language tag, e.g. en-US. */
  language: string;
  /** Which engine produced it: azure, local, typed (the simulator's text box or stdin). */
  source: string;
}

/** Creates, parses and checks `hearth_interfaces/msg/Transcript` messages. */
export const TranscriptType = defineMessage<Transcript>({
  typeName: 'hearth_interfaces/msg/Transcript',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
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
      name: 'is_final',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'confidence',
      type: 'float32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'language',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'source',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    text: '',
    is_final: false,
    confidence: 0,
    language: '',
    source: '',
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.text, at(path, 'text'), issues);
    Checks.bool(m.is_final, at(path, 'is_final'), issues);
    Checks.float32(m.confidence, at(path, 'confidence'), issues);
    Checks.string(m.language, at(path, 'language'), issues);
    Checks.string(m.source, at(path, 'source'), issues);
  },
});

/**
 * One completed (or interrupted) turn: what was said, how it went, and how long each stage took.
 *
 * ROS 2 type `hearth_interfaces/msg/TurnRecord`, from msg/TurnRecord.msg.
 */
export interface TurnRecord {
  stamp: Time;
  session_id: string;
  /**
   * The person's turn number in the session, from 1. A robot-initiated turn carries the number of
   * the last turn of the person before it (0 for the session's greeting).
   */
  turn_index: number;
  /**
   * What kind of turn: reply (the robot answers the person), or speech the robot began itself:
   * greeting, check_in, reprompt, caregiver_say (values in vocabulary.ts TURN_KINDS). For
   * robot-initiated turns user_text is empty.
   */
  kind: string;
  user_text: string;
  /** What the robot said (or began to say, when interrupted), strategy tag removed. */
  reply_text: string;
  /** Support strategy of the reply, e.g. "Reflection of feelings"; empty when none was given. */
  strategy: string;
  /** The dialogue states this turn passed through, in order. */
  states: string[];
  /** Names of the gestures performed during the reply. */
  gestures: string[];
  /** Path of the WAV file holding the spoken reply (simulator and file audio output). */
  audio_path: string;
  interrupted: boolean;
  /** True when the reply came from the fallback responder rather than the model. */
  fallback: boolean;
  /**
   * The model that answered (its file name, e.g. phi-3-mini.Q4_K_M.gguf), "fallback" when the
   * built-in replies did, empty for robot-initiated turns (no reply was generated).
   */
  model: string;
  /**
   * Stage times in milliseconds from the end of the user's speech; -1 where a stage did not happen.
   * The end of speech is the end of the voice in the audio (audio_in's VoiceActivity end) when the
   * detector reported it before the final transcript came, else the transcript's arrival (typed text).
   * For a robot-initiated turn they count from the moment the robot began to say it (the llm ones
   * are then -1).
   */
  llm_first_token_ms: number;
  llm_total_ms: number;
  tts_first_audio_ms: number;
  turn_total_ms: number;
  /**
   * Time from the end of the person's voice (VoiceActivity end) to the arrival of the transcript
   * that ended the turn: the recognizer's and the graph's delay, a stage of its own; -1 when no voice
   * activity dated the end of speech (typed text, no audio_in) and for robot-initiated turns.
   */
  transcript_delay_ms: number;
  /**
   * Time from the wake word's detection to the end of the person's speech; -1 when the turn began
   * without a wake word (an answer in the follow-up window) and for robot-initiated turns.
   */
  wake_to_speech_end_ms: number;
  /**
   * Time from the barge-in event to silence (the speech goal's cancel resolved); -1 when the turn
   * was not interrupted.
   */
  barge_in_to_silence_ms: number;
  /**
   * The llm's account of this turn: tokens evaluated for the prompt this turn (the rest of the
   * history was already in the KV cache), tokens generated, decode speed, and how the history was
   * fitted into the context (window, stopwords, summary).
   */
  prompt_tokens_evaluated: number;
  generated_tokens: number;
  tokens_per_second: number;
  context_strategy: string;
  /**
   * The safety screen of what the person said: none, low, moderate, high, imminent; and its
   * category (suicidal_ideation, self_harm, harm_to_others, abuse, medical_emergency; empty at none).
   */
  risk_level: string;
  risk_category: string;
  /** True when the output guard replaced a sentence of the reply with its safe one. */
  reply_guarded: boolean;
}

/** Creates, parses and checks `hearth_interfaces/msg/TurnRecord` messages. */
export const TurnRecordType = defineMessage<TurnRecord>({
  typeName: 'hearth_interfaces/msg/TurnRecord',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'session_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'turn_index',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'kind',
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
      name: 'reply_text',
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
      name: 'states',
      type: 'string',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'gestures',
      type: 'string',
      primitive: true,
      array: 'unbounded',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'audio_path',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'interrupted',
      type: 'bool',
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
      name: 'llm_first_token_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'llm_total_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'tts_first_audio_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'turn_total_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'transcript_delay_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'wake_to_speech_end_ms',
      type: 'float64',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'barge_in_to_silence_ms',
      type: 'float64',
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
      name: 'risk_level',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'risk_category',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'reply_guarded',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    session_id: '',
    turn_index: 0,
    kind: '',
    user_text: '',
    reply_text: '',
    strategy: '',
    states: [],
    gestures: [],
    audio_path: '',
    interrupted: false,
    fallback: false,
    model: '',
    llm_first_token_ms: 0,
    llm_total_ms: 0,
    tts_first_audio_ms: 0,
    turn_total_ms: 0,
    transcript_delay_ms: -1,
    wake_to_speech_end_ms: -1,
    barge_in_to_silence_ms: 0,
    prompt_tokens_evaluated: 0,
    generated_tokens: 0,
    tokens_per_second: 0,
    context_strategy: '',
    risk_level: '',
    risk_category: '',
    reply_guarded: false,
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.session_id, at(path, 'session_id'), issues);
    Checks.uint32(m.turn_index, at(path, 'turn_index'), issues);
    Checks.string(m.kind, at(path, 'kind'), issues);
    Checks.string(m.user_text, at(path, 'user_text'), issues);
    Checks.string(m.reply_text, at(path, 'reply_text'), issues);
    Checks.string(m.strategy, at(path, 'strategy'), issues);
    checkArray(m.states, at(path, 'states'), issues, 'string[]', null, Checks.string);
    checkArray(m.gestures, at(path, 'gestures'), issues, 'string[]', null, Checks.string);
    Checks.string(m.audio_path, at(path, 'audio_path'), issues);
    Checks.bool(m.interrupted, at(path, 'interrupted'), issues);
    Checks.bool(m.fallback, at(path, 'fallback'), issues);
    Checks.string(m.model, at(path, 'model'), issues);
    Checks.float64(m.llm_first_token_ms, at(path, 'llm_first_token_ms'), issues);
    Checks.float64(m.llm_total_ms, at(path, 'llm_total_ms'), issues);
    Checks.float64(m.tts_first_audio_ms, at(path, 'tts_first_audio_ms'), issues);
    Checks.float64(m.turn_total_ms, at(path, 'turn_total_ms'), issues);
    Checks.float64(m.transcript_delay_ms, at(path, 'transcript_delay_ms'), issues);
    Checks.float64(m.wake_to_speech_end_ms, at(path, 'wake_to_speech_end_ms'), issues);
    Checks.float64(m.barge_in_to_silence_ms, at(path, 'barge_in_to_silence_ms'), issues);
    Checks.uint32(m.prompt_tokens_evaluated, at(path, 'prompt_tokens_evaluated'), issues);
    Checks.uint32(m.generated_tokens, at(path, 'generated_tokens'), issues);
    Checks.float64(m.tokens_per_second, at(path, 'tokens_per_second'), issues);
    Checks.string(m.context_strategy, at(path, 'context_strategy'), issues);
    Checks.string(m.risk_level, at(path, 'risk_level'), issues);
    Checks.string(m.risk_category, at(path, 'risk_category'), issues);
    Checks.bool(m.reply_guarded, at(path, 'reply_guarded'), issues);
  },
});

/**
 * Voice activity in the microphone audio, from audio_in's voice activity detector: one message
 * when speech starts and one when it ends (after the detector's hangover), for turn-taking,
 * active-listening gestures and barge-in on speech.
 *
 * ROS 2 type `hearth_interfaces/msg/VoiceActivity`, from msg/VoiceActivity.msg.
 */
export interface VoiceActivity {
  stamp: Time;
  /** start or end */
  event: string;
  /** When this speech segment started (equal to stamp for a start event). */
  segment_start: Time;
  /** The detector's speech probability for the frame that caused the event, 0 to 1. */
  probability: number;
  /** Which detector decided: energy or silero. */
  detector: string;
}

/** Creates, parses and checks `hearth_interfaces/msg/VoiceActivity` messages. */
export const VoiceActivityType = defineMessage<VoiceActivity>({
  typeName: 'hearth_interfaces/msg/VoiceActivity',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'event',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'segment_start',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'probability',
      type: 'float32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'detector',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    event: '',
    segment_start: TimeType.create(),
    probability: 0,
    detector: '',
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.event, at(path, 'event'), issues);
    TimeType.collectIssues(m.segment_start, at(path, 'segment_start'), issues);
    Checks.float32(m.probability, at(path, 'probability'), issues);
    Checks.string(m.detector, at(path, 'detector'), issues);
  },
});

/**
 * The wake phrase (or the dedicated barge-in phrase) was heard.
 *
 * ROS 2 type `hearth_interfaces/msg/WakeWord`, from msg/WakeWord.msg.
 */
export interface WakeWord {
  stamp: Time;
  phrase: string;
  /** Which detector heard it: porcupine, template, console (the simulator's wake button). */
  engine: string;
  score: number;
  /** True when the phrase is the barge-in phrase, heard while the robot itself was speaking. */
  barge_in: boolean;
}

/** Creates, parses and checks `hearth_interfaces/msg/WakeWord` messages. */
export const WakeWordType = defineMessage<WakeWord>({
  typeName: 'hearth_interfaces/msg/WakeWord',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'phrase',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'engine',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'score',
      type: 'float32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'barge_in',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    phrase: '',
    engine: '',
    score: 0,
    barge_in: false,
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.phrase, at(path, 'phrase'), issues);
    Checks.string(m.engine, at(path, 'engine'), issues);
    Checks.float32(m.score, at(path, 'score'), issues);
    Checks.bool(m.barge_in, at(path, 'barge_in'), issues);
  },
});
