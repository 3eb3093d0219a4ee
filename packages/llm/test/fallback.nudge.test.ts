// The nudge toward human contact with no model: the Generate goal's instruction carries
// HUMAN_CONTACT_NUDGE, and the fallback (which cannot follow an instruction) says a nudge line.
import { describe, expect, it } from '@jest/globals';
import { FallbackResponder } from '../src/fallback/FallbackResponder.js';
import { carefulBank } from '../src/fallback/carefulBank.js';
import { HUMAN_CONTACT_NUDGE, humanContactBank } from '../src/fallback/humanContactNudge.js';
import { EsconvStrategies } from '../src/strategies.js';
import { withModellessNode } from './support/modellessNode.js';

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
    await withModellessNode(async (ask) => {
      const reply = (instruction: string): Promise<string> =>
        ask({ session_id: 's', user_text: 'I watered my plants', instruction });
      expect(nudgeTexts).toContain(await reply(HUMAN_CONTACT_NUDGE));
      expect(nudgeTexts).not.toContain(await reply(''));
    });
  });
});
