import type { PcmAudio } from '@hearth/audio';

export interface Segment {
  readonly startMs: number;
  readonly endMs: number;
}

export interface VoicedSegmentOptions {
  /** Analysis window. */
  readonly windowMs?: number;
  /** Peak amplitude below which a window counts as silent (of 32767). */
  readonly silenceThreshold?: number;
  /**
   * Shortest silence that separates two segments. espeak-ng's stop consonants leave gaps of
   * 30 to 60 ms inside words; its clause pauses (comma, full stop) are 150 ms and more.
   */
  readonly minPauseMs?: number;
}

/**
 * Splits audio into voiced stretches separated by pauses of at least `minPauseMs`. Leading and
 * trailing silence is excluded. Empty when the audio is silent throughout.
 */
export function voicedSegments(audio: PcmAudio, options: VoicedSegmentOptions = {}): Segment[] {
  const windowMs = options.windowMs ?? 10;
  const threshold = options.silenceThreshold ?? 300;
  const minPauseMs = options.minPauseMs ?? 120;
  const windowSamples = Math.max(1, Math.round((audio.sampleRate * windowMs) / 1000));
  const windows = Math.ceil(audio.samples.length / windowSamples);
  const segments: Segment[] = [];
  let voicedStart = -1;
  let lastVoicedEnd = -1;
  for (let w = 0; w < windows; w++) {
    let peak = 0;
    const end = Math.min(audio.samples.length, (w + 1) * windowSamples);
    for (let i = w * windowSamples; i < end; i++)
      peak = Math.max(peak, Math.abs(audio.samples[i] ?? 0));
    if (peak < threshold) continue;
    const startMs = w * windowMs;
    if (voicedStart < 0) voicedStart = startMs;
    else if (startMs - lastVoicedEnd >= minPauseMs) {
      segments.push({ startMs: voicedStart, endMs: lastVoicedEnd });
      voicedStart = startMs;
    }
    lastVoicedEnd = startMs + windowMs;
  }
  if (voicedStart >= 0) segments.push({ startMs: voicedStart, endMs: lastVoicedEnd });
  return segments;
}
