import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { safetyScreenCommand } from '../src/commands/safety.js';
import { captureOutput } from './support/captureOutput.js';

async function screenLines(
  lines: string[],
  options = { json: true, separate: false },
): Promise<string[]> {
  const { out, text } = captureOutput();
  expect(await safetyScreenCommand(options, Readable.from([`${lines.join('\n')}\n`]), out)).toBe(0);
  return text().trim().split('\n');
}

describe('hearth safety screen', () => {
  it('prints one JSON object per message: text, level, category, reasons', async () => {
    const printed = await screenLines([
      'this traffic is killing me',
      '',
      'I want to kill myself tonight',
      'My friend said she wanted to die',
    ]);
    const results = printed.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(results.map((result) => Object.keys(result))).toEqual(
      Array(3).fill(['text', 'level', 'category', 'reasons']),
    );
    expect(results.map(({ level, category }) => [level, category])).toEqual([
      ['none', null],
      ['imminent', 'suicidal_ideation'],
      // Low alone; one level up because it follows an imminent message in the conversation.
      ['moderate', 'suicidal_ideation'],
    ]);
    expect(results[1]?.reasons).toEqual(
      expect.arrayContaining([expect.stringContaining('imminence: time "tonight"')]),
    );
  });

  it('reads the lines as one conversation unless --separate', async () => {
    const lines = ['I want to die', "I can't go on like this"];
    const together = await screenLines(lines);
    expect(JSON.parse(together[1] ?? '{}')).toMatchObject({ level: 'high' });
    const separate = await screenLines(lines, { json: true, separate: true });
    expect(JSON.parse(separate[1] ?? '{}')).toMatchObject({ level: 'moderate' });
  });

  it('prints a readable line per message without --json', async () => {
    const printed = await screenLines(['I would never kill myself', 'My son hits me'], {
      json: false,
      separate: true,
    });
    expect(printed[0]).toMatch(/^NONE +- +"I would never kill myself" +\(.*negated by "never"/);
    expect(printed[1]).toMatch(/^HIGH +abuse +"My son hits me" +\(abuse\.physical/);
  });
});
