// The model in a child process: killing the worker mid-reply (SIGKILL, as the kernel's OOM
// killer would) cannot take the node down. The turn is answered from the fallback, the failure
// is logged with the model file, the worker restarts, and the next turn uses the model again.
// The worker runs from the built dist/ (Node 20 cannot fork a .ts file): `npm test` builds
// first; without a build this suite is skipped and says so.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  LogCapture,
  createInProcessTransport,
  type ActionClient,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import {
  Actions,
  GenerateAction,
  NodeNames,
  type GenerateFeedback,
  type GenerateGoal,
  type GenerateResult,
} from '@hearth/interfaces';
import { LlmNode } from '../src/LlmNode.js';
import { LlmParameters } from '../src/LlmParameters.js';
import { loadReplyEngine } from '../src/loadReplyEngine.js';
import type { ReplyEngine, ReplyOptions, ReplyRequest } from '../src/types.js';
import { resolveWorkerEntry } from '../src/worker/resolveWorkerEntry.js';
import { WorkerEngine } from '../src/worker/WorkerEngine.js';
import { join } from 'node:path';
import { writeTestLora } from './support/testLora.js';
import { writeTestModel, type TestModelDir } from './support/testModel.js';

const entry = resolveWorkerEntry();
if (!entry) {
  process.stderr.write(
    'Skipping the model worker tests: packages/llm/dist/worker/modelWorker.js is not built ' +
      '(run `pnpm build`, or `npm test`, which builds first).\n',
  );
}
const describeBuilt = entry ? describe : describe.skip;

/** Passes everything to the worker engine, and tells the test when a reply starts streaming. */
function observed(inner: ReplyEngine, onChunk: () => void): ReplyEngine {
  return {
    kind: inner.kind,
    generate: (request: ReplyRequest, options: ReplyOptions = {}) =>
      inner.generate(request, {
        ...options,
        onTextChunk: (text) => {
          options.onTextChunk?.(text);
          onChunk();
        },
      }),
    endSession: (sessionId) => inner.endSession(sessionId),
    setLoraScale: (scale) => inner.setLoraScale?.(scale) ?? Promise.resolve(),
    dispose: () => inner.dispose(),
  };
}

describeBuilt('llm node with the model in a worker process', () => {
  let model: TestModelDir;
  let transport: GraphTransport;
  let capture: LogCapture;
  let llm: LlmNode;
  let node: GraphNode;
  let engine: ReplyEngine;
  let chunk: () => void = () => undefined;
  let client: ActionClient<GenerateGoal, GenerateResult, GenerateFeedback>;

  beforeAll(async () => {
    model = await writeTestModel();
    const loraPath = join(model.dir, 'lora.gguf');
    await writeTestLora(loraPath);
    capture = new LogCapture();
    transport = createInProcessTransport({ logger: { capture, level: 'debug' } });
    node = transport.createNode(NodeNames.llm, {
      parameterOverrides: {
        model_path: model.modelPath,
        model_process: 'child',
        lora_path: loraPath,
        lora_scale: 0.5,
        threads: 1,
        context_size: 512,
        max_tokens: 12,
        seed: 5,
        persona_prompt: 'You are a kind companion.',
        // The deadline has its own test; a busy CI machine must not turn these into fallbacks.
        first_sentence_deadline_ms: 0,
      },
    });
    // LlmNode.create's steps, with the engine observed so the test can kill it mid-reply.
    const parameters = new LlmParameters(node);
    engine = await loadReplyEngine(parameters.engineConfig(), node.logger);
    llm = new LlmNode(
      node,
      observed(engine, () => chunk()),
      { parameters },
    );
    client = transport
      .createNode('test_dialogue')
      .createActionClient(GenerateAction, Actions.generate);
    expect(await client.waitForServer(1000)).toBe(true);
  });

  afterAll(async () => {
    await llm?.dispose();
    await transport?.shutdown();
    model?.remove();
  });

  const worker = (): WorkerEngine => {
    expect(engine).toBeInstanceOf(WorkerEngine);
    return engine as WorkerEngine;
  };

  it('runs the model in a child process', async () => {
    const pid = worker().pid;
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    const { result } = await (
      await client.sendGoal(GenerateAction.goal.create({ session_id: 'a', user_text: 'Hello' }))
    ).result;
    expect(result.fallback).toBe(false);
    expect(result.generated_tokens).toBeGreaterThan(0);
  });

  it('changes the LoRA scale in the worker when the parameter changes', async () => {
    const [changed] = node.setParameters({ lora_scale: 2 });
    expect(changed?.successful).toBe(true);
    const { result } = await (
      await client.sendGoal(GenerateAction.goal.create({ session_id: 'a', user_text: 'Still?' }))
    ).result;
    expect(result.fallback).toBe(false);
    const info = capture.linesOf(NodeNames.llm, 'info').map((line) => line.msg);
    expect(info).toContain('LoRA scale is now 2.');
  });

  it('answers from the fallback when the worker is killed mid-reply, then restarts it', async () => {
    node.setParameters({ max_tokens: 2000, first_sentence_deadline_ms: 0 });
    const killedPid = worker().pid as number;
    const generating = new Promise<void>((resolve) => {
      chunk = resolve;
    });
    const handle = await client.sendGoal(
      GenerateAction.goal.create({ session_id: 'b', user_text: 'Tell me a long story.' }),
    );
    await generating;
    chunk = () => undefined;
    process.kill(killedPid, 'SIGKILL');
    const { status, result } = await handle.result;
    expect(status).toBe('succeeded');
    expect(result.fallback).toBe(true);
    expect(result.reply.length).toBeGreaterThan(0);

    const errors = capture.linesOf(NodeNames.llm, 'error').map((line) => line.msg);
    expect(errors.some((msg) => msg.includes('SIGKILL') && msg.includes(model.modelPath))).toBe(
      true,
    );

    node.setParameters({ max_tokens: 12 });
    await worker().whenReady();
    expect(worker().restarts).toBe(1);
    expect(worker().pid).not.toBe(killedPid);
    const info = capture.linesOf(NodeNames.llm, 'info').map((line) => line.msg);
    expect(info.some((msg) => msg.includes('restart 1'))).toBe(true);

    const { result: next } = await (
      await client.sendGoal(GenerateAction.goal.create({ session_id: 'b', user_text: 'Hi again' }))
    ).result;
    expect(next.fallback).toBe(false);
    expect(next.generated_tokens).toBeGreaterThan(0);
  });
});
