/**
 * Mono 16-bit PCM audio in memory. Hearth's audio path is mono 16-bit throughout (ARCHITECTURE.md,
 * audio_in/audio_out), so a single shape keeps WAV writing and group concatenation trivial.
 */
export interface PcmAudio {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

export function audioDurationMs(audio: PcmAudio): number {
  return audio.sampleRate > 0 ? (audio.samples.length * 1000) / audio.sampleRate : 0;
}

/** The first `ms` milliseconds of `audio` (what was played before a cancel). */
export function truncateAudio(audio: PcmAudio, ms: number): PcmAudio {
  const count = Math.max(
    0,
    Math.min(audio.samples.length, Math.round((ms * audio.sampleRate) / 1000)),
  );
  return { sampleRate: audio.sampleRate, samples: audio.samples.subarray(0, count) };
}
