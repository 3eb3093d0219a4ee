import { MAX_PHASES } from '../wav/resample.js';

/** A rate whose ratio to the target needs more filter phases than the bank may have. */
export class UnsupportedResampleRatioError extends RangeError {
  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {
    super(
      `Cannot stream-resample ${fromRate} Hz to ${toRate} Hz: the ratio needs more than ` +
        `${MAX_PHASES} filter phases. Use a standard rate (8000, 11025, 16000, 22050, 32000, ` +
        `44100, 48000, 96000 Hz).`,
    );
    this.name = 'UnsupportedResampleRatioError';
  }
}
