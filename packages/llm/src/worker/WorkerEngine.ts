import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { callSafely } from '../callSafely.js';
import type { EngineLogLevel } from '../engine/LlamaEngine.js';
import { describeExit, ModelWorkerExitedError } from '../errors/ModelWorkerExitedError.js';
import { ModelWorkerDownError } from '../errors/ModelWorkerDownError.js';
import { ModelWorkerError } from '../errors/ModelWorkerError.js';
import type { ReplyEngine, ReplyOptions, ReplyRequest, ReplyResult } from '../types.js';
import type { FromWorker, ToWorker, WorkerLoadOptions } from './protocol.js';

export interface RestartPolicy {
  /** Wait before the first restart; doubled after each restart that is not followed by a turn. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export interface WorkerEngineOptions extends WorkerLoadOptions {
  /** The worker's entry file (dist/worker/modelWorker.js); see resolveWorkerEntry. */
  readonly entry: string;
  readonly log?: (level: EngineLogLevel, message: string) => void;
  readonly restart?: Partial<RestartPolicy>;
}

interface Pending {
  readonly resolve: (result: ReplyResult | undefined) => void;
  readonly reject: (error: Error) => void;
  readonly options?: ReplyOptions;
}

const defaultRestart: RestartPolicy = { initialDelayMs: 500, maxDelayMs: 30_000 };

/**
 * A ReplyEngine whose model lives in a child process (modelWorker.ts). A native crash, an
 * out-of-memory kill or a SIGKILL ends only that process: the requests in flight fail with
 * ModelWorkerExitedError (the llm node answers them from the fallback), the failure is logged
 * with the model file, and the worker is started again with exponential backoff. Sessions'
 * histories live in the worker and are lost with it; the person is answered either way.
 */
export class WorkerEngine implements ReplyEngine {
  readonly kind = 'model';
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private restartCount = 0;
  private failuresInARow = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private disposed = false;
  private readonly policy: RestartPolicy;
  private readonly log: (level: EngineLogLevel, message: string) => void;
  private threadsValue = 0;
  private contextSizeValue = 0;
  /** True while a worker is running with the model loaded. */
  private up = false;
  /** Set once the first worker has loaded: only then is a worker's end a crash to recover. */
  private started = false;
  /** What a (re)started worker loads; the LoRA scale follows runtime changes. */
  private loadOptions: WorkerLoadOptions;

  private constructor(private readonly options: WorkerEngineOptions) {
    const { entry: _entry, log: _log, restart: _restart, ...load } = options;
    this.loadOptions = load;
    this.policy = { ...defaultRestart, ...options.restart };
    this.log = options.log ?? (() => undefined);
    this.ready = this.newReadyPromise();
  }

  /** Starts the worker and loads the model; throws the worker's load error (file named). */
  static async start(options: WorkerEngineOptions): Promise<WorkerEngine> {
    const engine = new WorkerEngine(options);
    try {
      await engine.spawn();
      engine.started = true;
    } catch (error) {
      await engine.dispose();
      throw error;
    }
    return engine;
  }

  get modelPath(): string {
    return this.options.modelPath;
  }

  get threads(): number {
    return this.threadsValue;
  }

  get contextSize(): number {
    return this.contextSizeValue;
  }

  /** The worker's process id (undefined while it is down). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Times the worker has been restarted after ending unexpectedly. */
  get restarts(): number {
    return this.restartCount;
  }

  /** Settles once a worker is up with the model loaded. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  async generate(request: ReplyRequest, options: ReplyOptions = {}): Promise<ReplyResult> {
    const { signal } = options;
    const id = this.nextId++;
    const cancel = (): void => this.post({ type: 'cancel', id });
    const result = this.request(
      id,
      {
        type: 'generate',
        id,
        request,
        options: {
          sampling: options.sampling,
          personaPrompt: options.personaPrompt,
          context: options.context,
        },
        chunks: options.onTextChunk !== undefined,
      },
      options,
    );
    signal?.addEventListener('abort', cancel, { once: true });
    if (signal?.aborted) cancel();
    try {
      const done = (await result) as ReplyResult;
      this.failuresInARow = 0; // a turn went through: the next crash restarts quickly again
      return done;
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  async endSession(sessionId: string): Promise<void> {
    const id = this.nextId++;
    await this.request(id, { type: 'endSession', id, sessionId });
  }

  async setLoraScale(scale: number): Promise<void> {
    const lora = this.loadOptions.lora;
    if (lora) this.loadOptions = { ...this.loadOptions, lora: { ...lora, scale } };
    const id = this.nextId++;
    await this.request(id, { type: 'setLoraScale', id, scale });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.send({ type: 'dispose' } satisfies ToWorker, () => undefined);
    // A worker stuck in native code never answers: give it a moment, then end it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    const error = new Error('WorkerEngine was disposed during the request.');
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }

  private request(id: number, message: ToWorker, options?: ReplyOptions): Promise<unknown> {
    if (this.disposed) {
      return Promise.reject(new Error('WorkerEngine was disposed; start a new one to generate.'));
    }
    if (!this.up || !this.child?.connected) {
      return Promise.reject(new ModelWorkerDownError(this.options.modelPath));
    }
    return new Promise<ReplyResult | undefined>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, options });
      this.post(message);
    });
  }

  private post(message: ToWorker): void {
    const child = this.child;
    if (!child?.connected) return;
    // A send racing the worker's death fails; the exit handler answers the request.
    child.send(message, () => undefined);
  }

  /** Forks the worker and waits for its model to load. */
  private spawn(): Promise<void> {
    this.up = false;
    const child = fork(this.options.entry, [], {
      execArgv: [],
      // stdout stays clean for the command that hosts the graph (e.g. `hearth chat --json`).
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.child = child;
    if (child.stderr) {
      createInterface({ input: child.stderr }).on('line', (line) => {
        if (line.trim() !== '') this.log('warn', `model worker: ${line}`);
      });
    }
    const loaded = new Promise<void>((resolve, reject) => {
      const onLoad = (message: FromWorker): void => {
        if (message.type === 'loaded') {
          this.threadsValue = message.threads;
          this.contextSizeValue = message.contextSize;
          resolve();
        } else if (message.type === 'loadFailed') {
          reject(new ModelWorkerError(message.error));
        }
      };
      child.on('message', onLoad);
      child.once('exit', (code, signal) =>
        reject(new ModelWorkerExitedError(this.options.modelPath, code, signal)),
      );
      child.once('error', reject);
    });
    child.on('message', (message: FromWorker) => this.onMessage(message));
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    child.send({ type: 'load', options: this.loadOptions } satisfies ToWorker);
    return loaded.then(() => {
      this.up = true;
      if (this.started) {
        this.log(
          'info',
          `The model process for ${this.options.modelPath} is back (restart ${this.restartCount}).`,
        );
      }
      this.markReady();
    });
  }

  /** Reports a throwing reply listener (made once: messages arrive per chunk). */
  private readonly onListenerError = (error: unknown): void =>
    this.log('warn', `A reply listener threw; generation goes on: ${String(error)}`);

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'log':
        this.log(message.level, message.message);
        return;
      case 'chunk': {
        // Chunks still in the pipe when the turn was cancelled were generated before the worker
        // knew; the caller has stopped listening, so they end here.
        const options = this.pending.get(message.id)?.options;
        if (options?.signal?.aborted) return;
        callSafely(options?.onTextChunk, message.text, this.onListenerError);
        return;
      }
      case 'sentence': {
        const options = this.pending.get(message.id)?.options;
        if (options?.signal?.aborted) return; // nothing may be spoken after a cancel
        callSafely(options?.onSentence, message.sentence, this.onListenerError);
        return;
      }
      case 'done':
        if (message.lateTokens !== undefined) {
          this.log(
            'debug',
            `Turn ${message.id} cancelled; the model process generated ${message.lateTokens} ` +
              'token(s) after the cancel reached it.',
          );
        }
        this.pending.get(message.id)?.resolve(message.result);
        this.pending.delete(message.id);
        return;
      case 'failed':
        this.pending.get(message.id)?.reject(new ModelWorkerError(message.error));
        this.pending.delete(message.id);
        return;
      default:
        return;
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return; // an older worker, already replaced
    this.child = undefined;
    this.up = false;
    const error = new ModelWorkerExitedError(this.options.modelPath, code, signal);
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
    if (this.disposed || !this.started) return;
    this.ready = this.newReadyPromise();
    const delay = Math.min(
      this.policy.maxDelayMs,
      this.policy.initialDelayMs * 2 ** this.failuresInARow,
    );
    this.failuresInARow += 1;
    this.log(
      'error',
      `The model process for ${this.options.modelPath} ended (${describeExit(code, signal)}); ` +
        `restarting it in ${delay} ms (restart ${this.restartCount + 1}).`,
    );
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    this.restartTimer = undefined;
    if (this.disposed) return;
    this.restartCount += 1;
    try {
      await this.spawn();
    } catch (error) {
      // The exit handler of the failed worker schedules the next try; a worker that reported
      // a load error is still alive, and ending it leads there too.
      this.log(
        'error',
        `Restarting the model process failed: ${error instanceof Error ? error.message : error}`,
      );
      this.child?.kill('SIGKILL');
    }
  }

  private newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
  }
}
