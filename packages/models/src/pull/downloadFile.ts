import type { IncomingMessage } from 'node:http';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readGgufFile } from '@hearth/gguf';
import { ChecksumMismatchError } from '../errors/ChecksumMismatchError.js';
import { DownloadInterruptedError } from '../errors/DownloadInterruptedError.js';
import { DownloadSizeMismatchError } from '../errors/DownloadSizeMismatchError.js';
import { HttpStatusError } from '../errors/HttpStatusError.js';
import { silentProgress, type DownloadProgress } from './DownloadProgress.js';
import { httpGet } from './httpGet.js';
import { sha256File } from './sha256File.js';

export interface DownloadFileOptions {
  readonly url: string;
  /** The final path; the download goes to `destination + ".partial"` until verified. */
  readonly destination: string;
  /** Expected SHA-256 (lowercase hex), or null to accept any content (the caller decided). */
  readonly sha256: string | null;
  /** Expected size in bytes, or null when unknown. */
  readonly sizeBytes: number | null;
  /** Check that the result is a well-formed GGUF file before installing it (default true). */
  readonly checkGguf?: boolean;
  /** Reconnections after a dropped connection within this call (default 3). */
  readonly retries?: number;
  /** Wait before reconnection n is n × this (default 1000 ms). */
  readonly retryDelayMs?: number;
  readonly progress?: DownloadProgress;
  readonly signal?: AbortSignal;
}

export interface DownloadResult {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  /** True when the SHA-256 was checked against an expected value. */
  readonly verified: boolean;
  /** Bytes that were already in the partial file when this call started. */
  readonly resumedFrom: number;
  /** Connections made (1 when nothing dropped). */
  readonly connections: number;
}

export function partialPathOf(destination: string): string {
  return `${destination}.partial`;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** The first byte a 206 response carries, from `Content-Range: bytes START-END/TOTAL`. */
function rangeStart(contentRange: string | undefined): number | undefined {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(contentRange ?? '');
  return match ? Number(match[1]) : undefined;
}

/** One connection's outcome: the file is complete, or the body broke off (retry). */
type Attempt = { readonly done: true } | { readonly done: false; readonly error: unknown };

/**
 * Downloads `url` to `destination`: streams into a `.partial` file, resumes an existing partial
 * file with an HTTP Range request (also after a connection drops mid-file, up to `retries`
 * times), checks size and SHA-256, deletes the partial file when they are wrong, and renames it
 * into place only when everything holds, so `destination` is never a half-written file.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<DownloadResult> {
  const { url, destination, signal } = options;
  const progress = options.progress ?? silentProgress;
  const retries = options.retries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const partial = partialPathOf(destination);
  await mkdir(dirname(destination), { recursive: true });

  const resumedFrom = await sizeOf(partial);
  let connections = 0;
  let failures = 0;
  for (;;) {
    const attempt = await downloadOnce(options, partial, progress);
    connections += attempt.connected ? 1 : 0;
    if (attempt.result.done) break;
    signal?.throwIfAborted();
    failures += 1;
    if (failures > retries) {
      throw new DownloadInterruptedError(url, partial, await sizeOf(partial), attempt.result.error);
    }
    await sleep(retryDelayMs * failures, undefined, { signal });
  }

  const bytes = await sizeOf(partial);
  if (options.sizeBytes !== null && bytes !== options.sizeBytes) {
    await rm(partial, { force: true });
    throw new DownloadSizeMismatchError(url, options.sizeBytes, bytes);
  }
  const sha256 = await sha256File(partial);
  if (options.sha256 !== null && sha256 !== options.sha256) {
    await rm(partial, { force: true });
    throw new ChecksumMismatchError(url, options.sha256, sha256);
  }
  if (options.checkGguf ?? true) {
    // An HTML error page or a foreign file must not be installed as a model, nor kept, or the
    // next pull would "resume" it.
    try {
      await readGgufFile(partial);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }
  await rename(partial, destination);
  return {
    path: destination,
    bytes,
    sha256,
    verified: options.sha256 !== null,
    resumedFrom,
    connections,
  };
}

/** One HTTP request, appending to the partial file from where it ends. */
async function downloadOnce(
  options: DownloadFileOptions,
  partial: string,
  progress: DownloadProgress,
): Promise<{ connected: boolean; result: Attempt }> {
  const { sizeBytes } = options;
  let offset = await sizeOf(partial);
  if (sizeBytes !== null && offset > sizeBytes) {
    // Longer than the real file: it cannot be a prefix of it.
    await rm(partial, { force: true });
    offset = 0;
  }
  if (sizeBytes !== null && offset === sizeBytes)
    return { connected: false, result: { done: true } };

  // Opened before the request: once the response arrives, its listeners must be attached
  // without awaiting any I/O, or a connection that drops at once would go unnoticed.
  const file = await open(partial, 'a');
  try {
    return await receive(options, file, offset, progress);
  } finally {
    await file.close();
  }
}

/** Sends the request and appends the response body to `file` (opened in append mode). */
async function receive(
  options: DownloadFileOptions,
  file: FileHandle,
  offset: number,
  progress: DownloadProgress,
): Promise<{ connected: boolean; result: Attempt }> {
  const { url, signal, sizeBytes } = options;
  let response: IncomingMessage;
  try {
    response = await httpGet(url, offset > 0 ? { Range: `bytes=${offset}-` } : {}, signal);
  } catch (error) {
    signal?.throwIfAborted();
    return { connected: false, result: { done: false, error } };
  }
  const status = response.statusCode ?? 0;

  if (status === 416 && offset > 0) {
    // The server has nothing after `offset`: the partial file is complete or from another file.
    response.resume();
    if (sizeBytes === null) return { connected: true, result: { done: true } };
    await file.truncate(0);
    return { connected: true, result: { done: false, error: new Error('HTTP 416 on resume') } };
  }
  if (status >= 500) {
    response.resume();
    const error = new HttpStatusError(url, status, response.statusMessage ?? '');
    return { connected: true, result: { done: false, error } };
  }
  if (status !== 200 && status !== 206) {
    response.resume();
    throw new HttpStatusError(url, status, response.statusMessage ?? '');
  }
  // A 200 to a Range request (or a 206 from elsewhere) means the server sends the whole file.
  const appending = status === 206 && rangeStart(response.headers['content-range']) === offset;
  const start = appending ? offset : 0;
  const length = Number(response.headers['content-length'] ?? NaN);
  const total = Number.isFinite(length) ? start + length : sizeBytes;
  progress.start(total, start);
  let received: number;
  try {
    received = await writeBody(response, file, start, !appending, progress);
  } catch (error) {
    signal?.throwIfAborted();
    return { connected: true, result: { done: false, error } };
  } finally {
    progress.stop();
  }
  if (total !== null && received !== total) {
    const error = new Error(`the connection closed at ${received} of ${total} bytes`);
    return { connected: true, result: { done: false, error } };
  }
  return { connected: true, result: { done: true } };
}

/** Chunks written but not yet awaited before the response is paused (backpressure). */
const MAX_PENDING_WRITES = 64;

/**
 * Appends the response body to `file`, in order. Every chunk the response emits is written,
 * even when the connection then drops, so the partial file holds all that arrived. Resolves
 * with the byte count reached; rejects (after the writes settle) when the body breaks off.
 */
function writeBody(
  response: IncomingMessage,
  file: FileHandle,
  offset: number,
  truncateFirst: boolean,
  progress: DownloadProgress,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = offset;
    let pending = 0;
    // In append mode, writes land at the end: truncating first makes a whole-file answer
    // start the file over.
    let chain: Promise<unknown> = truncateFirst ? file.truncate(0) : Promise.resolve();
    let failure: unknown;
    response.on('data', (chunk: Buffer) => {
      pending += 1;
      if (pending >= MAX_PENDING_WRITES) response.pause();
      chain = chain.then(async () => {
        await file.write(chunk);
        received += chunk.length;
        progress.update(received);
        pending -= 1;
        if (pending < MAX_PENDING_WRITES / 2) response.resume();
      });
    });
    response.on('error', (error) => (failure ??= error));
    response.once('aborted', () => (failure ??= new Error('the connection was closed mid-file')));
    response.once('close', () => {
      chain.then(
        () => {
          if (failure === undefined && !response.complete) {
            failure = new Error('the connection was closed mid-file');
          }
          if (failure === undefined) resolve(received);
          else reject(failure);
        },
        (error: unknown) => reject(error),
      );
    });
  });
}
