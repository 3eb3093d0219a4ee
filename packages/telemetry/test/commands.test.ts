import { describe, it, expect } from '@jest/globals';
import { parseCommand, toCaregiverCommand } from '../src/commands.js';
import { command } from './support/payloads.js';

const robot = 'hearth-sim';
const topic = (verb: string, r = robot): string => `hearth/v1/${r}/cmd/${verb}`;

describe('parseCommand', () => {
  it('accepts a valid command and maps it to the graph message', () => {
    const say = { ...command(robot, 'pause'), verb: 'say', text: 'Dinner is ready.' };
    const parsed = parseCommand(robot, {
      topic: topic('say'),
      payload: JSON.stringify(say),
      retained: false,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(toCaregiverCommand(parsed.value, { sec: 1, nanosec: 0 })).toEqual({
      stamp: { sec: 1, nanosec: 0 },
      verb: 'say',
      text: 'Dinner is ready.',
      alert_id: '',
      issued_by: 'caregiver',
    });
  });

  it.each([
    ['an unknown verb', topic('dance'), command(robot, 'pause'), false, /unknown verb/],
    [
      'a verb that differs from the topic',
      topic('resume'),
      command(robot, 'pause'),
      false,
      /does not match/,
    ],
    [
      'another robot in the payload',
      topic('pause'),
      command('other', 'pause'),
      false,
      /not this robot/,
    ],
    [
      'another robot in the topic',
      topic('pause', 'other'),
      command('other', 'pause'),
      false,
      /not a command topic/,
    ],
    ['a retained command', topic('pause'), command(robot, 'pause'), true, /retained/],
    [
      'a payload without schema version',
      topic('pause'),
      { ...command(robot, 'pause'), schema: undefined },
      false,
      /schema/,
    ],
  ])('refuses %s', (_name, t, payload, retained, reason) => {
    const parsed = parseCommand(robot, { topic: t, payload: JSON.stringify(payload), retained });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.join('; ')).toMatch(reason);
  });
});
