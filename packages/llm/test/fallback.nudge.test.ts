// The nudge toward human contact with no model: the Generate goal's instruction carries
// HUMAN_CONTACT_NUDGE, and the fallback (which cannot follow an instruction) says a nudge line.
import { describe, expect, it } from '@jest/globals';
import { LogCapture, createInProcessTransport } from '@hearth/graph';
import { Actions, GenerateAction, NodeNames } from '@hearth/interfaces';
import { FallbackResponder } from '../src/fallback/FallbackResponder.js';
import { carefulBank } from '../src/fallback/carefulBank.js';
import { HUMAN_CONTACT_NUDGE, humanContactBank } from '../src/fallback/humanContactNudge.js';
import { LlmNode } from '../src/LlmNode.js';
import { EsconvStrategies } from '../src/strategies.js';

const nudgeTexts = humanContactBank.map((reply) => reply.text);

describe('the nudge bank', () => {
  it('turns gently toward a person in every line, with no claim to be human', () => {
    expect(humanContactBank.length).toBeGreaterThanOrEqual(3);
    for (const { text, strategy } of humanContactBank) {
      expect(EsconvStrategies).toContain(strategy);
      expect(text).toMatch(/\b(someone|friend|family|call|ring)\b/i);
      expect(text).not.toMatch(/\b(I am human|goodbye|bye)\b/i);
      expect(text.length).toBeLessThan(180);
    }
  });
});

describe('FallbackResponder with the nudge instruction', () => {
  it('answers from the nudge bank when the instruction carries the nudge, alone or joined', async () => {
    const fallback = new FallbackResponder({ random: () => 0 });
    for (const instruction of [HUMAN_CONTACT_NUDGE, `(Be brief.) ${HUMAN_CONTACT_NUDGE}`]) {
      const result = await fallback.generate({
        sessionId: 's',
        userText: 'I baked bread',
        instruction,
      });
      expect(nudgeTexts).toContain(result.reply);
    }
    const plain = await fallback.generate({ sessionId: 's', userText: 'I baked bread' });
    expect(nudgeTexts).not.toContain(plain.reply);
  });

  it('a moderate turn stays careful even with the nudge (careful replies encourage people too)', async () => {
    const fallback = new FallbackResponder({ random: () => 0 });
    const result = await fallback.generate({
      sessionId: 's',
      userText: 'I feel like a burden',
      riskLevel: 'moderate',
      instruction: HUMAN_CONTACT_NUDGE,
    });
    expect(carefulBank.map((reply) => reply.text)).toContain(result.reply);
  });
});

describe('the llm node without a model', () => {
  it("says a nudge line when the goal's instruction asks for it", async () => {
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
      const ask = async (instruction: string): Promise<string> => {
        const handle = await client.sendGoal(
          GenerateAction.goal.create({
            session_id: 's',
            user_text: 'I watered my plants',
            instruction,
          }),
        );
        const outcome = await handle.result;
        if (outcome.status !== 'succeeded') throw new Error(`goal ${outcome.status}`);
        expect(outcome.result.fallback).toBe(true);
        return outcome.result.reply;
      };
      expect(nudgeTexts).toContain(await ask(HUMAN_CONTACT_NUDGE));
      expect(nudgeTexts).not.toContain(await ask(''));
    } finally {
      await llm.dispose();
      await transport.shutdown();
    }
  });
});
