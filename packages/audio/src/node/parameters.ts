/** audio_in's ROS 2 parameters. */
export const AudioInParameters = {
  source: 'source',
  file: 'file',
  realtime: 'realtime',
  convert: 'convert',
  device: 'device',
  arecordPath: 'arecord_path',
  frameMs: 'frame_ms',
} as const;

export const AUDIO_SOURCES = ['none', 'file', 'alsa'] as const;
export type AudioSourceKind = (typeof AUDIO_SOURCES)[number];
