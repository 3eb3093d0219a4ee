import { Worker } from 'node:worker_threads';

/** Streams the file through SHA-256 in the worker and posts the hex digest (or the error). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hash = createHash('sha256');
createReadStream(workerData.file, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex') }))
  .on('error', (error) => parentPort.postMessage({ error: String(error && error.message) }));
`;

/**
 * SHA-256 of a file, computed in a worker thread: hashing gigabytes must not stall the node's
 * event loop (its other callbacks, parameter services and the fallback keep running). A worker
 * that ends without an answer (killed, out of memory, exited) rejects rather than leaving the
 * node waiting on the model for ever. `source` is the worker's code (tests give a broken one).
 */
export function sha256InWorker(file: string, source: string = WORKER_SOURCE): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const worker = new Worker(source, { eval: true, workerData: { file } });
    worker.once('message', (message: { sha256?: string; error?: string }) => {
      settle(() => {
        if (message.sha256 !== undefined) resolve(message.sha256);
        else reject(new Error(`Could not read ${file} to check its SHA-256: ${message.error}`));
      });
      void worker.terminate();
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() =>
        reject(
          new Error(
            `The worker thread checking the SHA-256 of ${file} exited (code ${code}) without ` +
              `an answer. Check it with \`hearth models verify --checksum ${file}\` and restart ` +
              'the llm node.',
          ),
        ),
      ),
    );
  });
}
