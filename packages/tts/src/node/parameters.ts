import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphNode } from '@hearth/graph';

/** The tts node's tunables, read at the start of each utterance. */
export interface TtsSettings {
  readonly voice: string;
  readonly rate: number;
  readonly pitch: number;
  readonly playbackSpeed: number;
  readonly audioDir: string;
}

export const TTS_PARAMETER_DEFAULTS = {
  voice: 'en-us',
  /** A little slower than espeak-ng's 175 wpm, for a calm voice. */
  rate: 150,
  /** A little lower than espeak-ng's 50, for a warmer voice. */
  pitch: 45,
  playbackSpeed: 1.0,
} as const;

/** Where WAV files go when neither the options nor the parameters file say. */
export function defaultAudioDir(): string {
  return join(tmpdir(), 'hearth-tts');
}

/** Declares the tts node's parameters and returns a reader of their current values. */
export function declareTtsParameters(node: GraphNode, audioDir: string): () => TtsSettings {
  node.declareParameter('voice', TTS_PARAMETER_DEFAULTS.voice, {
    description: 'espeak-ng voice (`espeak-ng --voices` lists them), e.g. en-us, en-gb, de.',
    kind: 'string',
  });
  node.declareParameter('rate', TTS_PARAMETER_DEFAULTS.rate, {
    description: 'Speaking rate in words per minute.',
    kind: 'integer',
    range: { min: 80, max: 450 },
  });
  node.declareParameter('pitch', TTS_PARAMETER_DEFAULTS.pitch, {
    description: "Pitch, 0 to 99 (50 is the voice's normal pitch).",
    kind: 'integer',
    range: { min: 0, max: 99 },
  });
  node.declareParameter('playback_speed', TTS_PARAMETER_DEFAULTS.playbackSpeed, {
    description:
      'Simulator only: how many times faster than real time speaking takes (1 waits the real duration).',
    kind: 'double',
    range: { min: 0.01, max: 10000 },
  });
  node.declareParameter('audio_dir', audioDir, {
    description: 'Folder for the WAV files of utterances and of reply groups.',
    kind: 'string',
  });
  return () => ({
    voice: String(node.getParameter('voice')),
    rate: Number(node.getParameter('rate')),
    pitch: Number(node.getParameter('pitch')),
    playbackSpeed: Number(node.getParameter('playback_speed')),
    audioDir: String(node.getParameter('audio_dir')),
  });
}
