import { LibEspeakUnavailableError } from '../../errors/LibEspeakUnavailableError.js';
import type { EspeakRawSynthesis } from './espeakEvents.js';
import { LibEspeakThread } from './LibEspeakThread.js';

/** The library's soname: found by the dynamic loader on x86-64 and arm64 Debian alike. */
export const LIBESPEAK_DEFAULT_PATH = 'libespeak-ng.so.1';

export interface LibEspeakRequest {
  readonly text: string;
  readonly voice: string;
  readonly rate: number;
  readonly pitch: number;
  readonly signal?: AbortSignal;
}

/**
 * The process's one libespeak-ng thread, and how many LibEspeakWorker handles hold it.
 * This is process-wide state on purpose: libespeak-ng itself is process-global (one
 * initialisation, one synth callback, one current voice, rate and pitch per process, whichever
 * thread calls it), so two worker threads would overwrite each other's callback and settings
 * and one engine's audio would land in another's request. One thread that serves every engine's
 * requests in turn, setting voice, rate and pitch for each, is the only safe way to share it.
 */
let shared: { readonly thread: LibEspeakThread; holders: number } | undefined;

function acquire(libraryPath: string): LibEspeakThread {
  if (shared && shared.thread.libraryPath !== libraryPath) {
    // Two paths may name the same file (a soname and its full path), which the loader would
    // map once: a second thread on it would collide just the same, so refuse.
    throw new LibEspeakUnavailableError(
      libraryPath,
      `this process already runs libespeak-ng from "${shared.thread.libraryPath}" and the ` +
        'library is process-global: give every engine the same libraryPath',
    );
  }
  shared ??= { thread: new LibEspeakThread(libraryPath), holders: 0 };
  shared.holders++;
  return shared.thread;
}

function release(thread: LibEspeakThread): void {
  if (shared?.thread !== thread) return;
  shared.holders--;
  if (shared.holders > 0) return;
  shared = undefined;
  thread.terminate();
}

/**
 * One engine's handle on the process's shared libespeak-ng thread (LibEspeakThread): taken on
 * first use, given back by dispose(); the thread ends when the last handle is disposed. Requests
 * from all handles are served one at a time, in order, each with its own voice, rate and pitch.
 */
export class LibEspeakWorker {
  private thread: LibEspeakThread | undefined;

  constructor(readonly libraryPath: string = LIBESPEAK_DEFAULT_PATH) {}

  /**
   * Starts the shared worker if needed and resolves with the library's sample rate; rejects
   * with LibEspeakUnavailableError when koffi or the library cannot be loaded, or when this
   * process already runs libespeak-ng from another path.
   */
  async start(): Promise<number> {
    return this.releasingIfUnavailable(this.held().start());
  }

  /** Synthesizes `request.text`; rejects with SynthesisCancelledError when its signal aborts. */
  async synthesize(request: LibEspeakRequest): Promise<EspeakRawSynthesis> {
    return this.releasingIfUnavailable(this.held().synthesize(request));
  }

  /** Resolves once the shared worker has finished every request given so far (any engine's). */
  async idle(): Promise<void> {
    await this.thread?.idle();
  }

  /** Gives the shared worker back (ended when no engine holds it); a later synthesize retakes it. */
  dispose(): void {
    const thread = this.thread;
    this.thread = undefined;
    if (thread) release(thread);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /**
   * A library that cannot load is given back at once, so that a handle left undisposed after
   * its engine fell back to the command line does not pin its (bad) path for the process.
   */
  private async releasingIfUnavailable<T>(pending: Promise<T>): Promise<T> {
    try {
      return await pending;
    } catch (error) {
      if (error instanceof LibEspeakUnavailableError) this.dispose();
      throw error;
    }
  }

  private held(): LibEspeakThread {
    this.thread ??= acquire(this.libraryPath);
    return this.thread;
  }
}
