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
  readonly audioOutput: AudioOutputKind;
  readonly audioDevice: string;
  readonly audioOutputFile: string;
  /** Days the WAVs in audio_dir are kept; 0 keeps them (see retention/AudioRetention.ts). */
  readonly audioRetentionDays: number;
}

/** Where speech goes: see the README's "Audio output" (chosen per utterance). */
export const AUDIO_OUTPUTS = ['alsa', 'file', 'none', 'simulated'] as const;
export type AudioOutputKind = (typeof AUDIO_OUTPUTS)[number];

function isAudioOutput(value: string): value is AudioOutputKind {
  return (AUDIO_OUTPUTS as readonly string[]).includes(value);
}

export const TTS_PARAMETER_DEFAULTS = {
  voice: 'en-us',
  /** A little slower than espeak-ng's 175 wpm, for a calm voice. */
  rate: 150,
  /** A little lower than espeak-ng's 50, for a warmer voice. */
  pitch: 45,
  playbackSpeed: 1.0,
  /** The simulator paces speech in real time; a robot's profile sets alsa. */
  audioOutput: 'simulated',
  audioDevice: '',
  /** A week of reply audio for the console and review; then it goes. */
  audioRetentionDays: 7,
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
  node.declareParameter('audio_output', TTS_PARAMETER_DEFAULTS.audioOutput, {
    description:
      'Where speech is played: alsa (aplay), file (appended to audio_output_file), none (no ' +
      'device, no real-time pacing) or simulated (waits the playing time / playback_speed).',
    kind: 'string',
    choices: AUDIO_OUTPUTS,
  });
  node.declareParameter('audio_device', TTS_PARAMETER_DEFAULTS.audioDevice, {
    description: "ALSA device for audio_output alsa (`aplay -L` lists them); '' is the default.",
    kind: 'string',
  });
  node.declareParameter('audio_output_file', '', {
    description: "WAV file for audio_output file; '' is <audio_dir>/audio_out.wav.",
    kind: 'string',
  });
  node.declareParameter('audio_retention_days', TTS_PARAMETER_DEFAULTS.audioRetentionDays, {
    description:
      "Days the tts's WAV files in audio_dir are kept; older ones are removed at start and " +
      'hourly (only files the tts wrote). 0 keeps them.',
    kind: 'integer',
    range: { min: 0, max: 3650 },
  });
  return () => ({
    voice: String(node.getParameter('voice')),
    rate: Number(node.getParameter('rate')),
    pitch: Number(node.getParameter('pitch')),
    playbackSpeed: Number(node.getParameter('playback_speed')),
    audioDir: String(node.getParameter('audio_dir')),
    audioOutput: audioOutput(String(node.getParameter('audio_output'))),
    audioDevice: String(node.getParameter('audio_device')),
    audioOutputFile:
      String(node.getParameter('audio_output_file')) ||
      join(String(node.getParameter('audio_dir')), 'audio_out.wav'),
    audioRetentionDays: Number(node.getParameter('audio_retention_days')),
  });
}

/** `choices` already refuses other values; this only narrows the type. */
function audioOutput(value: string): AudioOutputKind {
  return isAudioOutput(value) ? value : TTS_PARAMETER_DEFAULTS.audioOutput;
}
