// A registry model without a verified marker must be hashed in full before it answers: the llm
// node comes up at once on the fallback (turns marked fallback, a log line saying the file is
// being checked), then the model takes over when the hash passes, or the node stays on the
// fallback with the error when it does not. The hash is injected so the test decides when it
// finishes; the worker-thread hasher's own failure mode (a worker that exits) is tested too.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture, createInProcessTransport } from '@hearth/graph';
import { makeTestModel } from '@hearth/gguf';
import { Actions, GenerateAction, NodeNames } from '@hearth/interfaces';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sha256InWorker } from '../src/engine/sha256InWorker.js';
import { LlmNode } from '../src/LlmNode.js';
import { restoreRegistryEnvAfterAll, sha256Of, writeTestRegistry } from './support/testRegistry.js';

let dir: string;
let sha256: string;
restoreRegistryEnvAfterAll();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-checking-model-'));
  const original = join(dir, 'original.gguf');
  await makeTestModel({ outPath: original, seed: 1 });
  sha256 = sha256Of(original);
  writeTestRegistry(join(dir, 'registry.yaml'), [
    { name: 'tiny-a', sha256 },
    { name: 'tiny-b', sha256 },
  ]);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A hasher that answers only when the test says, with the sum the test gives. */
function heldHasher(): { hash: (file: string) => Promise<string>; finish: (sum: string) => void } {
  let finish: (sum: string) => void = () => {};
  const held = new Promise<string>((resolve) => (finish = resolve));
  return { hash: () => held, finish };
}

async function startNode(name: string, hash: (file: string) => Promise<string>) {
  const modelPath = join(dir, `${name}.gguf`);
  copyFileSync(join(dir, 'original.gguf'), modelPath);
  const capture = new LogCapture();
  const transport = createInProcessTransport({ logger: { capture } });
  const node = transport.createNode(NodeNames.llm, {
    parameterOverrides: { model_path: modelPath, threads: 1, context_size: 512, max_tokens: 4 },
  });
  const llm = await LlmNode.create(node, { sha256: hash });
  const client = transport
    .createNode('test_dialogue')
    .createActionClient(GenerateAction, Actions.generate);
  const ask = async () => {
    const handle = await client.sendGoal(
      GenerateAction.goal.create({ session_id: 's', user_text: 'I feel alone tonight.' }),
    );
    return (await handle.result).result;
  };
  const stop = async () => {
    await llm.dispose();
    await transport.shutdown();
  };
  return { modelPath, capture, llm, ask, stop };
}

describe('an llm node whose model file is still being checked', () => {
  it('comes up on the fallback at once, then the model takes over when the hash passes', async () => {
    const hasher = heldHasher();
    const graph = await startNode('tiny-a', hasher.hash);
    try {
      // create() returned while the hash is still held.
      expect(graph.llm.checkingModel).toBe(true);
      expect(graph.llm.engine.kind).toBe('fallback');
      const warning = graph.capture.linesOf(NodeNames.llm, 'warn').map((line) => line.msg);
      expect(
        warning.some((msg) => msg.startsWith(`Checking the model file ${graph.modelPath}`)),
      ).toBe(true);
      expect(await graph.ask()).toMatchObject({ fallback: true, model: 'fallback' });

      hasher.finish(sha256);
      await graph.llm.modelReady;
      expect(graph.llm.checkingModel).toBe(false);
      expect(graph.llm.engine.kind).toBe('model');
      expect(await graph.ask()).toMatchObject({
        fallback: false,
        model: basename(graph.modelPath),
      });
    } finally {
      await graph.stop();
    }
  }, 60_000);

  it('stays on the fallback with the error when the hash does not match', async () => {
    const hasher = heldHasher();
    const graph = await startNode('tiny-b', hasher.hash);
    try {
      hasher.finish('ab'.repeat(32));
      await graph.llm.modelReady;
      expect(graph.llm.checkingModel).toBe(false);
      expect(graph.llm.engine.kind).toBe('fallback');
      const [error] = graph.capture.linesOf(NodeNames.llm, 'error');
      expect(error).toMatchObject({ error: 'ModelChecksumMismatchError' });
      expect(await graph.ask()).toMatchObject({ fallback: true, model: 'fallback' });
    } finally {
      await graph.stop();
    }
  }, 60_000);
});

describe('sha256InWorker', () => {
  it('hashes a file off the event loop', async () => {
    expect(await sha256InWorker(join(dir, 'original.gguf'))).toBe(sha256);
  });

  it('rejects, naming the file, when the worker exits without an answer', async () => {
    const file = join(dir, 'original.gguf');
    await expect(sha256InWorker(file, 'process.exit(3);')).rejects.toThrow(
      `The worker thread checking the SHA-256 of ${file} exited (code 3) without an answer.`,
    );
    await expect(sha256InWorker(file, 'process.exit(3);')).rejects.toThrow(
      `hearth models verify --checksum ${file}`,
    );
  });
});
