/** audio_in's ROS 2 parameters. */
export const AudioInParameters = {
  source: 'source',
  file: 'file',
  realtime: 'realtime',
  convert: 'convert',
  device: 'device',
  arecordPath: 'arecord_path',
  topic: 'topic',
  topicSampleRate: 'topic_sample_rate',
  topicChannels: 'topic_channels',
  topicSampleFormat: 'topic_sample_format',
  frameMs: 'frame_ms',
  vad: 'vad',
  /** Read-only report: the detector running (silero, energy), '' until it has loaded, or off. */
  vadDetector: 'vad_detector',
  vadThreshold: 'vad_threshold',
  vadMinSpeechMs: 'vad_min_speech_ms',
  vadHangoverMs: 'vad_hangover_ms',
  honorMicGate: 'honor_mic_gate',
} as const;

export const AUDIO_SOURCES = ['none', 'file', 'alsa', 'topic'] as const;
export type AudioSourceKind = (typeof AUDIO_SOURCES)[number];

/** Voice activity detectors audio_in can run on its frames; off publishes no VoiceActivity. */
export const VAD_KINDS = ['silero', 'energy', 'off'] as const;
export type VadKind = (typeof VAD_KINDS)[number];
