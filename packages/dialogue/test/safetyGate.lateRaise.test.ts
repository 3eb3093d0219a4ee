/**
 * The classifier's late raise to moderate on the in-process graph (issue 7): the dialogue node
 * with the real screener, a fake classifier whose verdict the test releases, and fake llm and tts
 * servers. Before a word is said the llm is asked again with the careful protocol; a reply being
 * said is never cut and the next turn is careful; the record carries the raise; one notice.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import type { ClassifierVerdict } from '@hearth/safety';
import { MODERATE_RISK_PROTOCOL, type LoadedRiskClassifier } from '../src/index.js';
import { DialogueHarness, until } from './support/graphHarness.js';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const MODERATE: ClassifierVerdict = { level: 'moderate', category: 'self_harm' };

/** Holds its first verdict until `answer`; later transcripts are classified as no risk at once. */
class HeldClassifier implements LoadedRiskClassifier {
  readonly name = 'fake';
  readonly calls: string[] = [];
  private release: ((verdict: ClassifierVerdict) => void) | undefined;

  classify(text: string): Promise<ClassifierVerdict> {
    this.calls.push(text);
    if (this.calls.length > 1) return Promise.resolve({ level: 'none', category: null });
    return new Promise((resolve) => (this.release = resolve));
  }

  answer(verdict: ClassifierVerdict): void {
    if (this.release === undefined) throw new Error('the classifier was not asked yet');
    this.release(verdict);
  }

  dispose(): void {}
}

describe('a late classifier raise to moderate, on the graph', () => {
  let harness: DialogueHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  async function start(): Promise<{ h: DialogueHarness; classifier: HeldClassifier }> {
    const classifier = new HeldClassifier();
    const h = (harness = new DialogueHarness(
      { risk_classifier_model: 'risk.gguf', risk_classifier_timeout_ms: 500 },
      { safety: { loadClassifier: () => Promise.resolve(classifier) } },
    ));
    await pause(5); // the classifier loads
    h.wake();
    await until('listening', () => h.stateNames.at(-1) === 'listening');
    return { h, classifier };
  }

  it('while thinking: the first Generate is cancelled and the llm asked again, carefully', async () => {
    const { h, classifier } = await start();
    h.llmScript = { sentences: [], hold: true }; // the model is still thinking
    h.say('I feel so empty lately');
    await until('the first goal', () => h.generateGoals.length === 1);
    expect(h.generateGoals[0]?.risk_level).not.toBe('moderate');
    expect(h.generateGoals[0]?.instruction).toBe('');
    expect(h.generateGoals[0]?.reasked).toBe(false);

    h.llmScript = { sentences: ['That sounds really heavy.', 'Are you safe right now?'] };
    classifier.answer(MODERATE);
    await until('the second goal', () => h.generateGoals.length === 2);
    expect(h.generateGoals[1]).toMatchObject({
      session_id: 'sess',
      user_text: 'I feel so empty lately',
      risk_level: 'moderate',
      instruction: MODERATE_RISK_PROTOCOL,
      previous_reply_interrupted: false,
      // The llm takes the cancelled attempt out of the history instead of keeping the words twice.
      reasked: true,
    });
    await until('the first goal cancelled', () => h.cancelled.includes('generate:sess'));

    await until('the turn record', () => h.turns.length === 1);
    expect(h.turns[0]).toMatchObject({
      user_text: 'I feel so empty lately',
      reply_text: 'That sounds really heavy. Are you safe right now?',
      risk_level: 'moderate',
      risk_category: 'self_harm',
      interrupted: false,
      fallback: false,
    });
    expect(h.sayGoals.map((goal) => goal.text)).toEqual([
      'That sounds really heavy.',
      'Are you safe right now?',
    ]);
    expect(h.stateNames).not.toContain('recovering');
    expect(h.alerts).toEqual([
      expect.objectContaining({ level: 'moderate', category: 'self_harm' }),
    ]);
    expect(h.alerts[0]?.reasons).toEqual(['classifier:moderate']);
  });

  it('while speaking: the reply is not cut, the next Generate is careful, one notice', async () => {
    const { h, classifier } = await start();
    let finishSpeech: () => void = () => undefined;
    h.speechReleased = new Promise((resolve) => (finishSpeech = resolve));
    h.llmScript = { sentences: ['I am sorry you feel that way.'] };
    h.say('I feel so empty lately');
    await until('the reply being said', () => h.sayGoals.length === 1);

    classifier.answer(MODERATE);
    await until('the notice', () => h.alerts.length === 1);
    await pause(20);
    expect(h.generateGoals).toHaveLength(1);
    expect(h.cancelled).toEqual([]);
    finishSpeech();
    h.speechReleased = undefined;
    await until('the turn record', () => h.turns.length === 1);
    expect(h.turns[0]).toMatchObject({
      reply_text: 'I am sorry you feel that way.',
      interrupted: false,
      risk_level: 'moderate',
      risk_category: 'self_harm',
    });

    h.say('maybe I will watch some television');
    await until('the next goal', () => h.generateGoals.length === 2);
    expect(h.generateGoals[1]).toMatchObject({
      user_text: 'maybe I will watch some television',
      risk_level: 'moderate',
      instruction: MODERATE_RISK_PROTOCOL,
      reasked: false,
    });
    await until('the next record', () => h.turns.length === 2);
    expect(h.turns[1]?.risk_level).toBe('moderate');
    await pause(20);
    expect(h.alerts).toHaveLength(1);
    expect(classifier.calls).toEqual([
      'I feel so empty lately',
      'maybe I will watch some television',
    ]);
  });
});
