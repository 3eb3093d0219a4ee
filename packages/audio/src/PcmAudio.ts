/** Hearth's audio format everywhere past the input: 16 kHz, mono, signed 16-bit. */
export const HEARTH_SAMPLE_RATE = 16000;

/** Mono 16-bit PCM in memory. */
export interface PcmAudio {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

export function durationMs(audio: PcmAudio): number {
  return audio.sampleRate > 0 ? (audio.samples.length * 1000) / audio.sampleRate : 0;
}

/** The first `ms` milliseconds of `audio` (what was played before a cancel); shares its memory. */
export function truncateAudio(audio: PcmAudio, ms: number): PcmAudio {
  const count = Math.max(
    0,
    Math.min(audio.samples.length, Math.round((ms * audio.sampleRate) / 1000)),
  );
  return { sampleRate: audio.sampleRate, samples: audio.samples.subarray(0, count) };
}

/** Joins clips of one sample rate (e.g. test recordings: other speech, then the wake phrase). */
export function concatPcm(clips: readonly PcmAudio[], sampleRate = HEARTH_SAMPLE_RATE): PcmAudio {
  let length = 0;
  for (const clip of clips) {
    if (clip.sampleRate !== sampleRate) {
      throw new RangeError(
        `concatPcm: a clip is ${clip.sampleRate} Hz, expected ${sampleRate} Hz; resample it first.`,
      );
    }
    length += clip.samples.length;
  }
  const samples = new Int16Array(length);
  let offset = 0;
  for (const clip of clips) {
    samples.set(clip.samples, offset);
    offset += clip.samples.length;
  }
  return { sampleRate, samples };
}

/** `ms` milliseconds of silence. */
export function silence(ms: number, sampleRate = HEARTH_SAMPLE_RATE): PcmAudio {
  return { sampleRate, samples: new Int16Array(Math.round((ms * sampleRate) / 1000)) };
}
