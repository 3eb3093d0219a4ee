/**
 * Cuts a stream of sample chunks of any size into frames of exactly `frameSamples` (the last
 * partial frame is kept until `flush`). arecord's pipe and a WAV file's chunks do not line up
 * with the frame length the graph publishes.
 */
export class FrameAssembler {
  private pending: Int16Array;
  private filled = 0;

  constructor(readonly frameSamples: number) {
    this.pending = new Int16Array(frameSamples);
  }

  /** The whole frames completed by `samples`, in order. */
  push(samples: Int16Array): Int16Array[] {
    const frames: Int16Array[] = [];
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(this.frameSamples - this.filled, samples.length - offset);
      this.pending.set(samples.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.frameSamples) {
        frames.push(this.pending);
        this.pending = new Int16Array(this.frameSamples);
        this.filled = 0;
      }
    }
    return frames;
  }

  /** The samples of the last partial frame, if any, and an empty assembler. */
  flush(): Int16Array | undefined {
    if (this.filled === 0) return undefined;
    const rest = this.pending.slice(0, this.filled);
    this.filled = 0;
    return rest;
  }
}
