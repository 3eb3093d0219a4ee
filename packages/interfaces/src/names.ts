/**
 * The graph's names, in one place: topics, actions, services and nodes. Relative names resolve
 * under the node's namespace on ROS 2; Hearth uses absolute `/hearth/...` names so that one
 * robot's graph reads the same in `ros2 topic list` whatever the launch namespace.
 */
export const Topics = {
  audioIn: '/hearth/audio/in',
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
  /** The face layer: expression and lip-sync mouth shapes (gesture node). */
  faceCommand: '/hearth/gesture/face',
  /** Closed while gestures move the robot's motors, when the gesture node gates the mic. */
  micGate: '/hearth/gesture/mic_gate',
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
  affect: 'affect',
  telemetry: 'telemetry',
  console: 'console',
} as const;
