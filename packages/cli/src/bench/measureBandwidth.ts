import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface BandwidthResult {
  /** Bytes per second, the higher of the two methods below: the estimate the limit uses. */
  readonly bytesPerSecond: number;
  readonly method: 'parallel-read' | 'copy';
  /** Threads summing disjoint slices of one shared Float64Array (what decoding does: read). */
  readonly parallelReadBytesPerSecond: number;
  /** `TypedArray.set` (memcpy), counting bytes read plus written, as STREAM's "copy". */
  readonly copyBytesPerSecond: number;
  readonly threads: number;
  readonly bufferBytes: number;
}

/**
 * Each worker sums its slice once per message and answers; four accumulators keep the loop
 * from being bound by one add's latency, so memory is what limits it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const data = new Float64Array(workerData.buffer, workerData.offset, workerData.length);
data.fill(1);
parentPort.on('message', () => {
  let a = 0, b = 0, c = 0, d = 0;
  const n = data.length - (data.length % 4);
  for (let i = 0; i < n; i += 4) { a += data[i]; b += data[i + 1]; c += data[i + 2]; d += data[i + 3]; }
  parentPort.postMessage(a + b + c + d);
});
parentPort.postMessage(0);
`;

function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function parallelRead(threads: number, bufferBytes: number, passes: number): Promise<number> {
  const length = Math.floor(bufferBytes / 8 / threads) * threads;
  const buffer = new SharedArrayBuffer(length * 8);
  const slice = length / threads;
  const workers = Array.from(
    { length: threads },
    (_, index) =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { buffer, offset: index * slice * 8, length: slice },
      }),
  );
  try {
    await Promise.all(workers.map(nextMessage)); // filled and ready
    let best = 0;
    for (let pass = 0; pass < passes; pass += 1) {
      const start = performance.now();
      const done = workers.map(nextMessage);
      for (const worker of workers) worker.postMessage('go');
      await Promise.all(done);
      const seconds = (performance.now() - start) / 1000;
      best = Math.max(best, (length * 8) / seconds);
    }
    return best;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function copy(bufferBytes: number, passes: number): number {
  const source = new Float64Array(bufferBytes / 8).fill(1);
  const target = new Float64Array(bufferBytes / 8);
  target.set(source); // touch every page before timing
  let best = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    const start = performance.now();
    target.set(source);
    const seconds = (performance.now() - start) / 1000;
    best = Math.max(best, (2 * bufferBytes) / seconds);
  }
  return best;
}

/**
 * Measures this machine's memory bandwidth from Node, in the same run as the benchmarks: a
 * buffer far larger than any cache, read by `threads` threads, and copied. Both are lower bounds
 * of what llama.cpp's native code can reach; the higher is used.
 */
export async function measureBandwidth(
  threads: number,
  bufferBytes = 512 * 1024 * 1024,
  passes = 5,
): Promise<BandwidthResult> {
  const parallelReadBytesPerSecond = await parallelRead(threads, bufferBytes, passes);
  const copyBytesPerSecond = copy(bufferBytes / 2, passes);
  const copyWins = copyBytesPerSecond > parallelReadBytesPerSecond;
  return {
    bytesPerSecond: Math.max(parallelReadBytesPerSecond, copyBytesPerSecond),
    method: copyWins ? 'copy' : 'parallel-read',
    parallelReadBytesPerSecond,
    copyBytesPerSecond,
    threads,
    bufferBytes,
  };
}
