/** The stt node's parameter names (see README.md for their meaning). */
export const SttParameters = {
  engine: 'engine',
  language: 'language',
  robotName: 'robot_name',
  personNames: 'person_names',
  voiceId: 'voice_id',
  ros4hri: 'ros4hri',
  reconnectInitialMs: 'reconnect_initial_ms',
  reconnectMaxMs: 'reconnect_max_ms',
  segmentationSilenceMs: 'segmentation_silence_ms',
  localCommand: 'local_command',
  localArgs: 'local_args',
  localFormat: 'local_format',
  localEndpointSilenceMs: 'local_endpoint_silence_ms',
} as const;

/** Parameters whose change makes a network or local recognizer start over with the new value. */
export const RECOGNIZER_SETTINGS: readonly string[] = [
  SttParameters.language,
  SttParameters.robotName,
  SttParameters.personNames,
];
