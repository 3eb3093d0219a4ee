// The first-sentence deadline with the real tiny model: when no sentence is ready in time, the
// node cancels generation and answers the turn from the fallback replies, marked fallback; the
// session goes on with the model afterwards.
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
import { writeTestModel, type TestModelDir } from './support/testModel.js';

describe('first_sentence_deadline_ms', () => {
  let model: TestModelDir;
  let transport: GraphTransport;
  let capture: LogCapture;
  let node: GraphNode;
  let llm: LlmNode;
  let client: ActionClient<GenerateGoal, GenerateResult, GenerateFeedback>;

  beforeAll(async () => {
    model = await writeTestModel();
    capture = new LogCapture();
    transport = createInProcessTransport({ logger: { capture, level: 'debug' } });
    node = transport.createNode(NodeNames.llm, {
      parameterOverrides: {
        model_path: model.modelPath,
        model_process: 'inline',
        threads: 1,
        context_size: 1024,
        // The tiny model's text seldom ends a sentence, so its first sentence comes only at
        // the end of a long reply: far beyond this deadline.
        max_tokens: 400,
        first_sentence_deadline_ms: 50,
        seed: 5,
        persona_prompt: 'You are a kind companion.',
      },
    });
    llm = await LlmNode.create(node);
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

  it('answers from the fallback when no sentence is ready in time', async () => {
    expect(node.getParameter('first_sentence_deadline_ms')).toBe(50);
    const feedback: GenerateFeedback[] = [];
    const started = Date.now();
    const handle = await client.sendGoal(
      GenerateAction.goal.create({ session_id: 's', user_text: 'I had a rough week at work.' }),
      { onFeedback: (f) => feedback.push(f) },
    );
    const { status, result } = await handle.result;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(status).toBe('succeeded');
    expect(result).toMatchObject({ fallback: true, cancelled: false });
    expect(result.reply.length).toBeGreaterThan(0);
    // Only the fallback's sentences were spoken.
    expect(feedback.map((f) => f.sentence).join(' ')).toBe(result.reply);
    const warnings = capture.linesOf(NodeNames.llm, 'warn').map((line) => line.msg);
    expect(warnings.some((msg) => msg.includes('first_sentence_deadline_ms (50 ms)'))).toBe(true);
  });

  it('lets the model answer the next turn when the deadline is off', async () => {
    node.setParameters({ first_sentence_deadline_ms: 0, max_tokens: 8 });
    const { result } = await (
      await client.sendGoal(GenerateAction.goal.create({ session_id: 's', user_text: 'Hello?' }))
    ).result;
    expect(result.fallback).toBe(false);
    expect(result.generated_tokens).toBeGreaterThan(0);
  });
});
