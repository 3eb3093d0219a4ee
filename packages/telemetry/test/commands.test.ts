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

describe('cmd/quiet-hours', () => {
  const quiet = (start: string, end: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ ...command(robot, 'pause'), verb: 'quiet-hours', start, end, ...extra });
  const parse = (payload: string) =>
    parseCommand(robot, { topic: topic('quiet-hours'), payload, retained: false });

  it.each([
    ['21:30', '07:00', '21:30-07:00'],
    ['00:00', '23:59', '00:00-23:59'],
    ['', '', ''],
  ])('maps %j to %j as set-quiet-hours', (start, end, text) => {
    const parsed = parse(quiet(start, end));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(toCaregiverCommand(parsed.value, { sec: 1, nanosec: 0 })).toMatchObject({
      verb: 'set-quiet-hours',
      text,
      alert_id: '',
      issued_by: 'caregiver',
    });
  });

  it.each([
    ['a time out of range', quiet('24:00', '07:00'), /start: /],
    ['a time without a leading zero', quiet('9:00', '17:00'), /start: /],
    ['only one end set', quiet('', '07:00'), /both be empty/],
    [
      'a missing end',
      JSON.stringify({ ...command(robot, 'pause'), verb: 'quiet-hours', start: '' }),
      /end: /,
    ],
    ['a time with seconds', quiet('21:30:00', '07:00'), /start: /],
  ])('refuses %s', (_name, payload, reason) => {
    const parsed = parse(payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.join('; ')).toMatch(reason);
  });
});

describe('stale commands', () => {
  const at = (verb: 'pause' | 'ack-alert', ageMs: number) =>
    JSON.stringify({
      ...command(robot, 'pause'),
      verb,
      ts: new Date(1_000_000_000 - ageMs).toISOString(),
      ...(verb === 'ack-alert' ? { alertId: 'a-1' } : {}),
    });
  const parse = (verb: 'pause' | 'ack-alert', ageMs: number, maxAgeMs: number) =>
    parseCommand(
      robot,
      { topic: topic(verb), payload: at(verb, ageMs), retained: false },
      { nowMs: 1_000_000_000, maxAgeMs },
    );

  it('drops a command older than the maximum age, saying how old it is', () => {
    const parsed = parse('pause', 3_600_000, 600_000);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.join('; ')).toMatch(/3600 s old.*command_max_age_ms/);
    expect(parse('pause', 599_000, 600_000).ok).toBe(true);
  });

  it('never drops an acknowledgement, and keeps every command with a maximum age of 0', () => {
    expect(parse('ack-alert', 86_400_000, 600_000).ok).toBe(true);
    expect(parse('pause', 86_400_000, 0).ok).toBe(true);
  });
});
