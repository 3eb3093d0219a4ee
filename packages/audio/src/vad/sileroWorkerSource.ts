/**
 * The Silero worker's code, run with `new Worker(source, { eval: true })`. It is plain CommonJS
 * in a string so that it runs as it is from the TypeScript sources (tests) and from dist alike.
 * Messages are handled one at a time, in order: the model is recurrent (state h, c).
 */
export const sileroWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
const WINDOW = ${512};
let session;
let h;
let c;
let sr;
function zero() {
  return new ort.Tensor('float32', new Float32Array(128), [2, 1, 64]);
}
async function handle(message) {
  if (message.type === 'reset') {
    h = zero();
    c = zero();
    return;
  }
  const input = new ort.Tensor('float32', new Float32Array(message.samples), [1, WINDOW]);
  const out = await session.run({ input, sr, h, c });
  h = out.hn;
  c = out.cn;
  parentPort.postMessage({ type: 'probability', id: message.id, value: Number(out.output.data[0]) });
}
(async () => {
  session = await ort.InferenceSession.create(workerData.modelPath, {
    intraOpNumThreads: workerData.threads,
    interOpNumThreads: 1,
  });
  sr = new ort.Tensor('int64', BigInt64Array.from([16000n]));
  h = zero();
  c = zero();
  let queue = Promise.resolve();
  parentPort.on('message', (message) => {
    queue = queue.then(() => handle(message)).catch((error) =>
      parentPort.postMessage({ type: 'error', id: message.id, message: String(error && error.message || error) }),
    );
  });
  parentPort.postMessage({ type: 'ready' });
})().catch((error) => parentPort.postMessage({ type: 'error', message: String(error && error.message || error) }));
`;
