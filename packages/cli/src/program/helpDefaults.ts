/**
 * Values that `--help` shows, copied here so that printing help loads none of the packages they
 * come from (@hearth/tts alone costs a second of CPU). test/program.test.ts checks that each
 * still equals the package's own, so a change there fails the tests instead of drifting.
 */

/** @hearth/tts: TTS_ENGINES, AZURE_DEFAULT_VOICE and TTS_PARAMETER_DEFAULTS. */
export const ttsHelpDefaults = {
  engines: ['espeak-ng', 'azure'],
  azureVoice: 'en-US-AriaNeural',
  voice: 'en-us',
  rate: 150,
  pitch: 45,
} as const;

/** commands/evalContext.ts's evalContextDefaults (replyTokens is @hearth/llm's max_tokens). */
export const evalContextHelpDefaults = {
  contextSizes: '256,512,1024,2048,4096',
  replyTokens: '128',
  keepRecent: '4',
  summaryTokens: '96',
  overhead: '5',
} as const;
