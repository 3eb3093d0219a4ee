/**
 * The graph's names, in one place: topics, actions, services and nodes. Relative names resolve
 * under the node's namespace on ROS 2; Hearth uses absolute `/hearth/...` names so that one
 * robot's graph reads the same in `ros2 topic list` whatever the launch namespace.
 */
export const Topics = {
  audioIn: '/hearth/audio/in',
  /**
   * Raw PCM from a robot's audio driver (AudioDataStamped, audio_common's shape), read by
   * audio_in with source `topic`: its default `topic` parameter, where a relay from
   * audio_common_msgs publishes.
   */
  audioRaw: '/hearth/audio/raw',
  /** Speech start and end in the microphone audio (audio_in's voice activity detector). */
  voiceActivity: '/hearth/audio/voice_activity',
  wakeWord: '/hearth/wake_word',
  transcript: '/hearth/stt/transcript',
  /** The simulator's typed text (web console, `hearth chat` stdin), read by the stt node. */
  typedText: '/hearth/sim/typed_text',
  dialogueState: '/hearth/dialogue/state',
  dialogueTurn: '/hearth/dialogue/turn',
  /** One summary per conversation session, when it ends. */
  sessionSummary: '/hearth/dialogue/session',
  affect: '/hearth/affect',
  safetyAlert: '/hearth/safety/alert',
  ttsEvents: '/hearth/tts/events',
  gestureCommand: '/hearth/gesture/command',
  /**
   * Another node (the console) asks the gesture node to perform a gesture as a preview
   * (GestureCommand); the gesture node announces it on gestureCommand when it really starts.
   */
  gesturePreviewRequest: '/hearth/gesture/preview_request',
  /** The face layer: expression and lip-sync mouth shapes (gesture node). */
  faceCommand: '/hearth/gesture/face',
  /** Closed while gestures move the robot's motors, when the gesture node gates the mic. */
  micGate: '/hearth/gesture/mic_gate',
  caregiverCommand: '/hearth/caregiver/command',
  /**
   * ros4hri's people tracked now (IdsList, hri_msgs/msg/IdsList): the telemetry node applies the
   * most restrictive consent among them. ros4hri's own name, so its person manager feeds it.
   */
  trackedPersons: '/humans/persons/tracked',
} as const;

export const Actions = {
  generate: '/hearth/llm/generate',
  say: '/hearth/tts/say',
} as const;

export const Services = {
  getDialogueState: '/hearth/dialogue/get_state',
  wake: '/hearth/wake_word/wake',
} as const;

/** ROS 2 node names; also the keys of the robot's parameters file. */
export const NodeNames = {
  audioIn: 'audio_in',
  wakeWord: 'wake_word',
  stt: 'stt',
  dialogue: 'dialogue',
  llm: 'llm',
  tts: 'tts',
  gesture: 'gesture',
  affect: 'affect',
  telemetry: 'telemetry',
  console: 'console',
} as const;

/** ros4hri's id for a voice it cannot attribute to anyone known. */
export const ANONYMOUS_VOICE_ID = 'anonymous_speaker';

/** One token of a ROS 2 name: no leading digit, no repeated underscores (ROS 2's name rules). */
const ROS_NAME_TOKEN = /^(?!.*__)[A-Za-z_][A-Za-z0-9_]*$/;

/** A voice id that cannot be part of a ROS 2 topic name. */
export class InvalidVoiceIdError extends Error {
  constructor(readonly voiceId: string) {
    super(
      `Invalid voice id ${JSON.stringify(voiceId)}: a ros4hri voice id is one ROS name token (letters, digits and single underscores, not starting with a digit), e.g. anonymous_speaker.`,
    );
    this.name = 'InvalidVoiceIdError';
  }
}

/**
 * ros4hri's per-voice speech topic, `/humans/voices/<voiceId>/speech` (hri_msgs/LiveSpeech
 * shape), where HRI tools look for what a person said. The id becomes one ROS name token, so it
 * must be one: letters, digits and underscores, not starting with a digit.
 */
export function humanVoiceSpeechTopic(voiceId: string): string {
  if (!ROS_NAME_TOKEN.test(voiceId)) throw new InvalidVoiceIdError(voiceId);
  return `/humans/voices/${voiceId}/speech`;
}
