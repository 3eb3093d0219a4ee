import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { EspeakFailedError } from '../../errors/EspeakFailedError.js';
import { LibEspeakUnavailableError } from '../../errors/LibEspeakUnavailableError.js';
import { SynthesisCancelledError } from '../../errors/SynthesisCancelledError.js';
import type { EspeakRawSynthesis } from './espeakEvents.js';
import type { LibEspeakRequest } from './LibEspeakWorker.js';
import { espeakWorkerSource } from './espeakWorkerSource.js';
import type { WorkerMessage } from './workerMessages.js';

interface Job {
  /** The worker serving it: only its own death fails the job. */
  readonly worker: Worker;
  readonly resolve: (message: WorkerMessage) => void;
}

/**
 * The one worker thread that runs libespeak-ng, shared by every engine in the process (see
 * LibEspeakWorker for why there is only one). espeak_Synth is synchronous (it returns once all
 * audio is made), so it runs off the graph's event loop; requests are served one at a time, in
 * order, each with its own voice, rate and pitch. A cancel rejects at once and writes the
 * request's id into a shared cell that the worker's synth callback reads after each ~100 ms of
 * audio, so the library stops within a millisecond or two and the worker is free for the next
 * request. The worker keeps the process alive only while a request is in flight.
 */
export class LibEspeakThread {
  private worker: Worker | undefined;
  private ready: Promise<number> | undefined;
  private readonly abort = new Int32Array(new SharedArrayBuffer(4));
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  /** The chain requests wait on: the worker serves one at a time. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly libraryPath: string) {}

  /**
   * Starts the worker if needed and resolves with the library's sample rate; rejects with
   * LibEspeakUnavailableError when koffi or the library cannot be loaded.
   */
  start(): Promise<number> {
    this.ready ??= this.spawn();
    return this.ready;
  }

  /** Synthesizes `request.text`; rejects with SynthesisCancelledError when its signal aborts. */
  async synthesize(request: LibEspeakRequest): Promise<EspeakRawSynthesis> {
    if (request.signal?.aborted) throw new SynthesisCancelledError();
    // The worker starts inside the turn, so a cancel during its start is answered at once too.
    const id = this.nextId++;
    const turn = this.tail.then(() => this.run(id, request));
    this.tail = turn.catch(() => undefined);
    const message = await new Promise<WorkerMessage>((resolve, reject) => {
      const onAbort = (): void => {
        Atomics.store(this.abort, 0, id);
        reject(new SynthesisCancelledError());
      };
      request.signal?.addEventListener('abort', onAbort, { once: true });
      turn.then(resolve, reject).finally(() => {
        request.signal?.removeEventListener('abort', onAbort);
      });
    });
    if (message.type === 'voice') {
      throw new EspeakFailedError(
        null,
        `libespeak-ng has no voice "${request.voice}"`,
        request.voice,
      );
    }
    if (message.type === 'error') {
      throw new EspeakFailedError(null, message.message, request.voice);
    }
    if (message.type !== 'result')
      throw new Error(`Unexpected libespeak-ng worker reply ${message.type}.`);
    if (message.cancelled) throw new SynthesisCancelledError();
    return { sampleRate: message.sampleRate, samples: message.samples, events: message.events };
  }

  /** Resolves once the worker has finished every request given so far (cancelled ones too). */
  async idle(): Promise<void> {
    await this.tail;
  }

  /** Ends the worker; requests in flight fail, and a later one starts a fresh worker. */
  terminate(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) void worker.terminate();
  }

  private async run(id: number, request: LibEspeakRequest): Promise<WorkerMessage> {
    // Cancelled while queued: never reaches the library.
    if (request.signal?.aborted) throw new SynthesisCancelledError();
    // Terminated meanwhile: a fresh worker serves the request.
    await this.start();
    const worker = this.worker;
    if (!worker) throw new Error('The libespeak-ng worker stopped before it could synthesize.');
    return new Promise((resolve) => {
      this.jobs.set(id, { worker, resolve });
      worker.ref();
      worker.postMessage({
        id,
        text: request.text,
        voice: request.voice,
        rate: Math.round(request.rate),
        pitch: Math.round(request.pitch),
      });
    });
  }

  private spawn(): Promise<number> {
    let koffiPath: string;
    try {
      koffiPath = createRequire(import.meta.url).resolve('koffi');
    } catch {
      return Promise.reject(
        new LibEspeakUnavailableError(this.libraryPath, 'the koffi package is not installed'),
      );
    }
    const worker = new Worker(espeakWorkerSource, {
      eval: true,
      workerData: { koffiPath, libraryPath: this.libraryPath, abort: this.abort.buffer },
    });
    this.worker = worker;
    worker.unref();
    return new Promise<number>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') resolve(message.sampleRate);
        else if (message.type === 'failed') {
          reject(new LibEspeakUnavailableError(this.libraryPath, message.message));
          if (this.worker === worker) this.terminate();
        } else this.settle(message.id, message);
      });
      worker.on('error', (error) => {
        reject(new LibEspeakUnavailableError(this.libraryPath, error.message));
        this.fail(worker, error.message);
      });
      worker.on('exit', (code) => this.fail(worker, `the worker exited with code ${code}`));
    });
  }

  private settle(id: number, message: WorkerMessage): void {
    const job = this.jobs.get(id);
    this.jobs.delete(id);
    if (this.jobs.size === 0) this.worker?.unref();
    job?.resolve(message);
  }

  /** The worker died: every request in flight fails, and the next one starts a new worker. */
  private fail(worker: Worker, reason: string): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.ready = undefined;
    }
    for (const [id, job] of this.jobs) {
      if (job.worker === worker) this.settle(id, { type: 'error', id, message: reason });
    }
  }
}
