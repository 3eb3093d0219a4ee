import { LogCapture, createInProcessTransport } from '@hearth/graph';
import { Actions, GenerateAction, NodeNames, type GenerateGoal } from '@hearth/interfaces';
import { expect } from '@jest/globals';
import { LlmNode } from '../../src/LlmNode.js';

/** Sends one Generate goal and returns the fallback's reply (the node has no model to answer). */
export type AskFallback = (goal: Partial<GenerateGoal>) => Promise<string>;

/**
 * Runs `run` against a real llm node started with model_path none, over the in-process
 * transport, so each test only says which goals to send; node and transport are always disposed.
 */
export async function withModellessNode(run: (ask: AskFallback) => Promise<void>): Promise<void> {
  const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
  const node = transport.createNode(NodeNames.llm, {
    parameterOverrides: { model_path: 'none' },
  });
  const llm = await LlmNode.create(node);
  try {
    const client = transport
      .createNode('test_dialogue')
      .createActionClient(GenerateAction, Actions.generate);
    expect(await client.waitForServer(1000)).toBe(true);
    await run(async (goal) => {
      const handle = await client.sendGoal(GenerateAction.goal.create(goal));
      const outcome = await handle.result;
      if (outcome.status !== 'succeeded') throw new Error(`goal ${outcome.status}`);
      expect(outcome.result.fallback).toBe(true);
      return outcome.result.reply;
    });
  } finally {
    await llm.dispose();
    await transport.shutdown();
  }
}
