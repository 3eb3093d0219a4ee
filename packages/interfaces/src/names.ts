/**
 * The graph's names, in one place: topics, actions, services and nodes. Relative names resolve
 * under the node's namespace on ROS 2; Hearth uses absolute `/hearth/...` names so that one
 * robot's graph reads the same in `ros2 topic list` whatever the launch namespace.
 */
export const Topics = {
  audioIn: '/hearth/audio/in',
  wakeWord: '/hearth/wake_word',
  transcript: '/hearth/stt/transcript',
  /** The simulator's typed text (web console, `hearth chat` stdin), read by the stt node. */
  typedText: '/hearth/sim/typed_text',
  dialogueState: '/hearth/dialogue/state',
  dialogueTurn: '/hearth/dialogue/turn',
  affect: '/hearth/affect',
  safetyAlert: '/hearth/safety/alert',
  ttsEvents: '/hearth/tts/events',
  gestureCommand: '/hearth/gesture/command',
  caregiverCommand: '/hearth/caregiver/command',
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
  telemetry: 'telemetry',
  console: 'console',
} as const;
