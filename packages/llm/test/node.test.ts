// The llm node over the in-process transport: a real action client talks to it, as the dialogue
// node will, with the real test model or the fallback replies.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  LogCapture,
  createInProcessTransport,
  type ActionClient,
  type GraphNode,
  type GraphTransport,
  type ParameterValue,
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
import type { ReplyEngine, ReplyOptions, ReplyRequest, ReplyResult } from '../src/types.js';
import { writeTestModel, type TestModelDir } from './support/testModel.js';

type GenerateClient = ActionClient<GenerateGoal, GenerateResult, GenerateFeedback>;

interface Graph {
  readonly transport: GraphTransport;
  readonly node: GraphNode;
  readonly capture: LogCapture;
  readonly llm: LlmNode;
  readonly client: GenerateClient;
  stop(): Promise<void>;
}

async function startGraph(
  overrides: Record<string, ParameterValue>,
  wrap?: (engine: ReplyEngine) => ReplyEngine,
): Promise<Graph> {
  const capture = new LogCapture();
  const transport = createInProcessTransport({ logger: { capture, level: 'debug' } });
  const node = transport.createNode(NodeNames.llm, { parameterOverrides: overrides });
  let llm: LlmNode;
  if (wrap) {
    // LlmNode.create's steps, with the loaded engine wrapped so the test can observe it.
    const parameters = new LlmParameters(node);
    const engine = await loadReplyEngine(parameters.engineConfig(), node.logger);
    llm = new LlmNode(node, wrap(engine), { parameters });
  } else {
    llm = await LlmNode.create(node);
  }
  const client = transport
    .createNode('test_dialogue')
    .createActionClient(GenerateAction, Actions.generate);
  expect(await client.waitForServer(1000)).toBe(true);
  return {
    transport,
    node,
    capture,
    llm,
    client,
    stop: async () => {
      await llm.dispose();
      await transport.shutdown();
    },
  };
}

function goal(user_text: string, session_id = 'session-1'): GenerateGoal {
  return GenerateAction.goal.create({ session_id, user_text });
}

describe('llm node without a model', () => {
  let graph: Graph | undefined;
  afterEach(async () => {
    await graph?.stop();
    graph = undefined;
  });

  it.each(['', 'none'])(
    'answers from the fallback bank when model_path is %j',
    async (modelPath) => {
      graph = await startGraph({ model_path: modelPath });
      const feedback: GenerateFeedback[] = [];
      const handle = await graph.client.sendGoal(goal('I feel so lonely since my friend moved'), {
        onFeedback: (f) => feedback.push(f),
      });
      const { status, result } = await handle.result;
      expect(status).toBe('succeeded');
      expect(result).toMatchObject({
        fallback: true,
        model: 'fallback',
        cancelled: false,
        context_strategy: 'fallback',
      });
      expect(result.reply.length).toBeGreaterThan(0);
      expect(result.strategy).not.toBe('');
      expect(feedback.map((f) => f.sentence).join(' ')).toBe(result.reply);
      expect(feedback.map((f) => f.sentence_index)).toEqual(feedback.map((_, i) => i));
      const info = graph.capture.linesOf(NodeNames.llm, 'info').map((r) => r.msg);
      expect(info.some((msg) => msg.includes('hearth models make-test --out FILE'))).toBe(true);
    },
  );

  it('declares its parameters with the thesis defaults', async () => {
    graph = await startGraph({});
    expect(graph.node.getParameters()).toMatchObject({
      model_path: '',
      context_size: 2048,
      temperature: 0.7,
      top_p: 0.95,
      top_k: 50,
      max_tokens: 128,
      seed: -1,
      max_sessions: 2,
      context_strategy: 'window',
      keep_recent_turns: 2,
      first_sentence_deadline_ms: 8000,
      chat_template: '',
      lora_path: '',
      lora_scale: -1,
      model_process: 'child',
      memory_limit_mb: 0,
      memory_margin_mb: 512,
    });
    const [refused] = graph.node.setParameters({ context_strategy: 'forget_everything' });
    expect(refused?.successful).toBe(false);
    // lora_scale: -1 (not set) or 0..4; the range alone would let -0.5 through.
    const [between] = graph.node.setParameters({ lora_scale: -0.5 });
    expect(between?.successful).toBe(false);
    expect(between?.reason).toContain('use a value from 0 to 4, or -1');
    expect(graph.node.setParameters({ lora_scale: 1 })[0]?.successful).toBe(true);
    expect(graph.node.setParameters({ lora_scale: -1 })[0]?.successful).toBe(true);
    expect(graph.node.getParameter('threads')).toBeGreaterThanOrEqual(1);
    expect(String(graph.node.getParameter('persona_prompt'))).toMatch(
      /one to three short sentences/,
    );
  });

  it('logs the typed error for a file that is not GGUF, then answers kindly anyway', async () => {
    const model = await writeTestModel();
    try {
      const path = join(model.dir, 'photo.gguf');
      writeFileSync(path, 'JFIF not a model at all');
      graph = await startGraph({ model_path: path, threads: 1 });
      const errors = graph.capture.linesOf(NodeNames.llm, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ error: 'InvalidModelMagicError', file: path });
      expect(errors[0]?.msg).toContain('hearth models make-test --out FILE');
      const { result } = await (await graph.client.sendGoal(goal('Hello'))).result;
      expect(result.fallback).toBe(true);
      expect(result.reply.length).toBeGreaterThan(0);
    } finally {
      model.remove();
    }
  });
});

/** Lets a test know when generation has really started, to cancel mid-reply. */
class ObservedEngine implements ReplyEngine {
  readonly kind: ReplyEngine['kind'];
  readonly requests: ReplyRequest[] = [];
  private firstChunk: (() => void) | undefined;

  constructor(private readonly inner: ReplyEngine) {
    this.kind = inner.kind;
  }

  nextFirstChunk(): Promise<void> {
    return new Promise((resolve) => {
      this.firstChunk = resolve;
    });
  }

  generate(request: ReplyRequest, options: ReplyOptions = {}): Promise<ReplyResult> {
    this.requests.push(request);
    return this.inner.generate(request, {
      ...options,
      onTextChunk: (text) => {
        options.onTextChunk?.(text);
        this.firstChunk?.();
        this.firstChunk = undefined;
      },
    });
  }

  endSession(sessionId: string): Promise<void> {
    return this.inner.endSession(sessionId);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

describe('llm node with the real test model', () => {
  let model: TestModelDir;
  let graph: Graph;
  let observed: ObservedEngine | undefined;

  beforeAll(async () => {
    model = await writeTestModel();
    graph = await startGraph(
      {
        model_path: model.modelPath,
        threads: 1,
        context_size: 1024,
        max_tokens: 12,
        seed: 5,
        persona_prompt: 'You are a kind companion.',
        // The deadline has its own test; a busy CI machine must not turn these into fallbacks.
        first_sentence_deadline_ms: 0,
      },
      (engine) => (observed = new ObservedEngine(engine)),
    );
  });

  afterAll(async () => {
    await graph?.stop();
    model?.remove();
  });

  it('serves Generate with sentence feedback and the whole result', async () => {
    const feedback: GenerateFeedback[] = [];
    const handle = await graph.client.sendGoal(goal('Hello, I had a long day.'), {
      onFeedback: (f) => feedback.push(f),
    });
    const { status, result } = await handle.result;
    expect(status).toBe('succeeded');
    expect(graph.llm.engine.kind).toBe('model');
    expect(result).toMatchObject({
      fallback: false,
      // The file name only: telemetry reports it, and a path would tell the disk layout.
      model: basename(model.modelPath),
      cancelled: false,
      context_strategy: 'window',
    });
    expect(result.reply.length).toBeGreaterThan(0);
    expect(result.generated_tokens).toBeGreaterThan(0);
    expect(result.generated_tokens).toBeLessThanOrEqual(12);
    expect(result.prompt_tokens_evaluated).toBeGreaterThan(0);
    expect(result.first_token_ms).toBeGreaterThan(0);
    expect(feedback.length).toBeGreaterThan(0);
    expect(feedback.map((f) => f.sentence).join(' ')).toBe(result.reply);
    expect(feedback[0]?.first_token_ms).toBeCloseTo(result.first_token_ms, 6);
  });

  it('takes a changed sampling parameter on the next turn', async () => {
    const [changed] = setParameter('max_tokens', 3);
    expect(changed?.successful).toBe(true);
    const { result } = await (await graph.client.sendGoal(goal('Are you there?'))).result;
    expect(result.generated_tokens).toBeLessThanOrEqual(3);
    setParameter('max_tokens', 12);
  });

  it('refuses to change the model of a running node', () => {
    const [refused] = setParameter('model_path', '/elsewhere.gguf');
    expect(refused?.successful).toBe(false);
  });

  it('stops on cancel: result cancelled, no feedback after the cancel', async () => {
    setParameter('max_tokens', 400);
    try {
      const started = observed?.nextFirstChunk();
      let cancelled = false;
      const late: GenerateFeedback[] = [];
      const handle = await graph.client.sendGoal(goal('Tell me a long story, please.', 'story'), {
        onFeedback: (f) => {
          if (cancelled) late.push(f);
        },
      });
      await started;
      await handle.cancel();
      cancelled = true;
      const { status, result } = await handle.result;
      expect(status).toBe('canceled');
      expect(result.cancelled).toBe(true);
      expect(result.generated_tokens).toBeLessThan(400);
      expect(late).toEqual([]);
    } finally {
      setParameter('max_tokens', 12);
    }
  });

  it('hands the engine what the person heard of an interrupted reply', async () => {
    const heard = GenerateAction.goal.create({
      session_id: 'story',
      user_text: 'Sorry, go on.',
      previous_reply_heard: 'Once upon',
      previous_reply_interrupted: true,
    });
    const { status, result } = await (await graph.client.sendGoal(heard)).result;
    expect(status).toBe('succeeded');
    expect(result.fallback).toBe(false);
    expect(observed?.requests.at(-1)).toMatchObject({
      sessionId: 'story',
      userText: 'Sorry, go on.',
      previousReplyHeard: 'Once upon',
      previousReplyInterrupted: true,
    });
  });

  function setParameter(name: string, value: ParameterValue) {
    return graph.node.setParameters({ [name]: value });
  }
});
