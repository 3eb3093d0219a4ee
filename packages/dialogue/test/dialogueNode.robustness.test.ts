/**
 * The dialogue node's parameters and goals that keep it robust: interruptible_states names known
 * states only and never crisis (refused with the reason, at start and at runtime), and each Say
 * goal carries the reply's support strategy from the llm's feedback.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createInProcessTransport, LogCapture } from '@hearth/graph';
import { DialogueNode, InvalidDialogueParameterError } from '../src/index.js';
import { DialogueHarness, until } from './support/graphHarness.js';

describe('DialogueNode robustness', () => {
  let harness: DialogueHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('refuses interruptible_states with crisis or an unknown state, saying why', async () => {
    const h = (harness = new DialogueHarness());
    const [crisis] = h.dialogueGraphNode.setParameters({
      interruptible_states: ['speaking', 'crisis'],
    });
    expect(crisis?.successful).toBe(false);
    expect(crisis?.reason).toMatch(/interruptible_states cannot include "crisis"/);
    const [unknown] = h.dialogueGraphNode.setParameters({
      interruptible_states: ['speaking', 'talking'],
    });
    expect(unknown?.successful).toBe(false);
    expect(unknown?.reason).toMatch(/unknown state\(s\) "talking".*thinking, speaking/);
    const [fine] = h.dialogueGraphNode.setParameters({ interruptible_states: ['speaking'] });
    expect(fine?.successful).toBe(true);

    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    try {
      const node = transport.createNode('dialogue', {
        parameterOverrides: { interruptible_states: ['thinking', 'crisis'] },
      });
      let error: unknown;
      try {
        new DialogueNode(node);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidDialogueParameterError);
      expect((error as Error).message).toMatch(/cannot include "crisis"/);
    } finally {
      await transport.shutdown();
    }
  });

  it("gives each Say goal the reply's strategy from the llm feedback (none for the opening words)", async () => {
    const h = (harness = new DialogueHarness());
    h.llmScript = { sentences: ['That sounds hard.', 'I am here.'] };
    h.wake();
    await until('listening', () => h.dialogue.state === 'listening');
    h.say('I had a rough week');
    await until('the reply', () => h.turns.length === 1);
    expect(h.sayGoals.map((g) => [g.text, g.strategy])).toEqual([
      ['That sounds hard.', 'Affirmation'],
      ['I am here.', 'Affirmation'],
    ]);
    expect(h.openings.map((g) => g.strategy)).toEqual(['']);
  });
});
