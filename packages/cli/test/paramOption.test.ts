import { describe, expect, it } from '@jest/globals';
import { mergeOverrides, paramOverrides } from '../src/commands/paramOption.js';

describe('--param node.name=value', () => {
  it('reads values as YAML scalars and lists, per node', () => {
    expect(
      paramOverrides([
        'llm.threads=1',
        'llm.temperature=0.5',
        'tts.voice=en-gb',
        'gesture.enabled=false',
      ]),
    ).toEqual({
      llm: { threads: 1, temperature: 0.5 },
      tts: { voice: 'en-gb' },
      gesture: { enabled: false },
    });
    expect(paramOverrides(['dialogue.interruptible_states=[thinking, speaking]'])).toEqual({
      dialogue: { interruptible_states: ['thinking', 'speaking'] },
    });
  });

  it('refuses malformed entries and unknown nodes, saying the form', () => {
    expect(() => paramOverrides(['threads=1'])).toThrow(/node\.name=value/);
    expect(() => paramOverrides(['brain.threads=1'])).toThrow(/no node named "brain"/);
    expect(() => paramOverrides(['llm.x={a: 1}'])).toThrow(/boolean, number, string/);
  });

  it('lets later sources win key by key', () => {
    expect(
      mergeOverrides({ llm: { model_path: 'a', threads: 2 } }, { llm: { threads: 1 } }),
    ).toEqual({
      llm: { model_path: 'a', threads: 1 },
    });
  });
});
