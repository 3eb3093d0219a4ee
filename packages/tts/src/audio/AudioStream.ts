import type { PcmAudio } from '@hearth/audio';

/**
 * Audio that is still being synthesized: the engine pushes pieces as they arrive (Azure's
 * `onAudio`), a sink reads them in order with `for await` and starts playing on the first one.
 * The iteration ends after `end()`, and throws the error given to `fail()` (a failed synthesis),
 * so a sink never waits for audio that will not come.
 */
export class AudioStream implements AsyncIterable<PcmAudio> {
  private readonly chunks: PcmAudio[] = [];
  private finished = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private samples = 0;
  private rate: number | undefined;

  /** The first piece's rate (every piece of one utterance shares it); undefined before any. */
  get sampleRate(): number | undefined {
    return this.rate;
  }

  /** How much audio has arrived so far, in ms. */
  get receivedMs(): number {
    return this.rate === undefined ? 0 : (this.samples / this.rate) * 1000;
  }

  /** Whether synthesis has finished (successfully or not): nothing more will arrive. */
  get ended(): boolean {
    return this.finished;
  }

  push(chunk: PcmAudio): void {
    if (this.finished || chunk.samples.length === 0) return;
    this.rate ??= chunk.sampleRate;
    this.samples += chunk.samples.length;
    this.chunks.push(chunk);
    this.notify();
  }

  end(): void {
    this.finished = true;
    this.notify();
  }

  fail(error: Error): void {
    if (this.finished) return;
    this.failure = error;
    this.end();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<PcmAudio> {
    let next = 0;
    for (;;) {
      while (next < this.chunks.length) {
        const chunk = this.chunks[next++];
        if (chunk) yield chunk;
      }
      if (this.failure) throw this.failure;
      if (this.finished) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
