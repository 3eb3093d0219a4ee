// The fallback's careful protocol for moderate-risk turns: the Generate goal's risk_level picks
// the careful bank, through the real llm node (model_path none) and an in-process action client.
import { describe, expect, it } from '@jest/globals';
import { FallbackResponder } from '../src/fallback/FallbackResponder.js';
import { carefulBank } from '../src/fallback/carefulBank.js';
import { replyBank } from '../src/fallback/replyBank.js';
import { EsconvStrategies } from '../src/strategies.js';
import { withModellessNode } from './support/modellessNode.js';

const carefulTexts = carefulBank.map((reply) => reply.text);
const topicalTexts = Object.values(replyBank)
  .flat()
  .map((reply) => reply.text);

describe('the careful bank', () => {
  it('validates, asks gently about safety and encourages human support in every reply', () => {
    expect(carefulBank.length).toBeGreaterThanOrEqual(4);
    for (const { text, strategy } of carefulBank) {
      expect(EsconvStrategies).toContain(strategy);
      // Validation: the feeling is named as hard, heavy or mattering, or the person thanked.
      expect(text).toMatch(/\b(hard|heavy|matter|thank|sorry|a lot to carry)/i);
      expect(text).toMatch(/\bsafe\b[^.?!]*\?/i);
      expect(text).toMatch(/\b(someone|person|people|friend|family|doctor|call)\b/i);
      // Never a method, a diagnosis, a dose, or a claim to be human.
      expect(text).not.toMatch(/\b(pills?|overdose|rope|diagnos\w*|depression|mg|I am human)\b/i);
      expect(text.length).toBeLessThan(180);
    }
  });
});

describe('FallbackResponder with a risk level', () => {
  it('answers a moderate turn from the careful bank, without repeating itself', async () => {
    const fallback = new FallbackResponder({ random: () => 0 });
    const said: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const result = await fallback.generate({
        sessionId: 's',
        userText: 'I feel like such a burden to everyone lately',
        riskLevel: 'moderate',
      });
      said.push(result.reply);
      expect(carefulTexts).toContain(result.reply);
      expect(result.strategy).toBe(carefulBank.find((r) => r.text === result.reply)?.strategy);
    }
    expect(new Set(said).size).toBe(3);
  });

  it.each(['', 'none', 'low'])('answers a turn at risk %j from the topical bank', async (level) => {
    const fallback = new FallbackResponder({ random: () => 0 });
    const result = await fallback.generate({
      sessionId: 's',
      userText: 'I feel so lonely',
      riskLevel: level,
    });
    expect(topicalTexts).toContain(result.reply);
    expect(carefulTexts).not.toContain(result.reply);
  });
});

describe('the llm node without a model', () => {
  it("passes the goal's risk_level to the fallback", async () => {
    await withModellessNode(async (ask) => {
      const reply = (risk_level: string): Promise<string> =>
        ask({
          session_id: `s-${risk_level || 'none'}`,
          user_text: 'Nothing seems worth it lately',
          risk_level,
        });
      expect(carefulTexts).toContain(await reply('moderate'));
      expect(carefulTexts).not.toContain(await reply(''));
    });
  });
});
