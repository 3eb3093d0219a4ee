// A reference for the gold-reply NLL, run in a plain Node process (not under jest, whose VM
// realms confuse node-llama-cpp's `instanceof Array` checks on native results): evaluate the
// prompt, read the next-token distribution, force the gold token in, read the next, and so on.
// Usage: node referenceNll.mjs MODEL.gguf '{"prompt": [...], "gold": [...]}'
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';

const [modelPath, json] = process.argv.slice(2);
const { prompt, gold } = JSON.parse(json);
const llama = await getLlama({
  gpu: false,
  build: 'never',
  skipDownload: true,
  logLevel: LlamaLogLevel.error,
});
const model = await llama.loadModel({ modelPath });
const sequence = (await model.createContext({ contextSize: 512, threads: 1 })).getSequence();
const steps = sequence.evaluateWithMetadata(prompt, { probabilities: true }, { temperature: 0 });
let nll = 0;
let step = await steps.next();
for (const token of gold) {
  nll -= Math.log(step.value.probabilities.get(token));
  step = await steps.next(token);
}
await steps.return();
await llama.dispose();
process.stdout.write(JSON.stringify({ nll }));
