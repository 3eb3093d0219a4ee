import type { Logger } from '@hearth/graph';
import type { AudioFrame } from '@hearth/interfaces';

/** The only format the recognizers are fed: what audio_in publishes. */
export const STT_SAMPLE_RATE = 16_000;

/**
 * Checks frames from the audio topic and turns them into 16-bit PCM. A frame in another format is
 * dropped with one warning (per format), since a recognizer fed the wrong rate returns nonsense
 * rather than an error.
 */
export class AudioFrameReader {
  private readonly warned = new Set<string>();

  constructor(private readonly logger: Logger) {}

  /** The frame's samples, or undefined when it is not 16 kHz mono. */
  samples(frame: AudioFrame): Int16Array | undefined {
    if (frame.sample_rate === STT_SAMPLE_RATE && frame.channels === 1) {
      return Int16Array.from(frame.samples);
    }
    const format = `${frame.sample_rate} Hz x ${frame.channels}`;
    if (!this.warned.has(format)) {
      this.warned.add(format);
      this.logger.warn(
        'stt drops audio frames that are not 16 kHz mono: set audio_in to publish 16 kHz mono',
        { format },
      );
    }
    return undefined;
  }
}

/** Little-endian 16-bit PCM, as the Azure push stream and recognizer processes expect. */
export function pcmArrayBuffer(samples: Int16Array): ArrayBuffer {
  const buffer = new ArrayBuffer(samples.length * 2);
  const view = new DataView(buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i] ?? 0, true);
  return buffer;
}

/** The same bytes as a Buffer, for streams. */
export function pcmBytes(samples: Int16Array): Buffer {
  return Buffer.from(pcmArrayBuffer(samples));
}
