import { describe, expect, it } from '@jest/globals';
import { SafetyAlertType } from '@hearth/interfaces';
import { AlertDesk, type AlertSend } from '../src/alerts/AlertDesk.js';
import { AlertPayloadSchema, type AlertPayload } from '../src/schemas.js';
import { FakeTimers } from './support/FakeTimers.js';

function desk(startMs = 0) {
  const timers = new FakeTimers();
  timers.now = startMs;
  const sent: AlertSend[] = [];
  const saved: (readonly AlertPayload[])[] = [];
  const alerts = new AlertDesk({
    robot: 'r1',
    resendMs: 1000,
    escalateAfterMs: 5000,
    timers,
    nowMs: () => timers.now,
    send: (m) => sent.push(m),
    onChange: (open) => saved.push(open),
  });
  return { timers, sent, alerts, saved };
}

const alert = (id: string) =>
  SafetyAlertType.create({ alert_id: id, session_id: 's1', level: 'high', category: 'self_harm' });

describe('AlertDesk', () => {
  it('sends an alert retained, re-sends it while open, escalates it, and stops on acknowledgement', () => {
    const { timers, sent, alerts } = desk();
    alerts.raise(alert('a1'), 0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      retain: true,
      payload: { status: 'open', contact: 'primary' },
    });
    expect(AlertPayloadSchema.safeParse(sent[0]?.payload).success).toBe(true);
    timers.advance(3000);
    expect(sent.map((m) => m.payload?.resends)).toEqual([0, 1, 2, 3]);
    timers.advance(2000);
    const escalated = sent.find((m) => m.payload?.status === 'escalated');
    expect(escalated?.payload).toMatchObject({ contact: 'secondary', alertId: 'a1' });
    expect(escalated?.retain).toBe(true);
    expect(alerts.acknowledge('a1', 'carol')).toBe(true);
    const [ack, clear] = sent.slice(-2);
    expect(ack).toMatchObject({
      retain: false,
      payload: { status: 'acknowledged', acknowledgedBy: 'carol', contact: 'secondary' },
    });
    expect(clear).toEqual({ alertId: 'a1', payload: null, retain: true });
    const count = sent.length;
    timers.advance(60_000);
    expect(sent).toHaveLength(count);
    expect(timers.delays()).toEqual([]);
    expect(alerts.acknowledge('a1', 'carol')).toBe(false);
  });

  it('retains every open alert on its own topic and clears only the acknowledged one', () => {
    const { sent, alerts } = desk();
    alerts.raise(alert('a1'), 0);
    alerts.raise(alert('a2'), 10);
    alerts.raise(alert('a2'), 20); // the same alert twice is one alert
    expect(alerts.openAlerts.map((a) => a.alertId)).toEqual(['a1', 'a2']);
    expect(sent.map((m) => [m.alertId, m.retain])).toEqual([
      ['a1', true],
      ['a2', true],
    ]);
    alerts.acknowledge('a1', 'carol');
    // The acknowledgement, then a1's retained message cleared; a2's is left alone.
    expect(sent.slice(2).map((m) => [m.alertId, m.retain, m.payload?.status ?? null])).toEqual([
      ['a1', false, 'acknowledged'],
      ['a1', true, null],
    ]);
  });

  it('tells every change, so the open alerts can be kept on disk', () => {
    const { timers, alerts, saved } = desk();
    alerts.raise(alert('a1'), 0);
    timers.advance(1000);
    alerts.acknowledge('a1', 'carol');
    expect(saved.map((open) => open.map((a) => [a.alertId, a.resends]))).toEqual([
      [['a1', 0]],
      [['a1', 1]],
      [],
    ]);
  });

  it('restores alerts after a restart: sent at once, re-sent, escalated at their original time', () => {
    const first = desk();
    first.alerts.raise(alert('a1'), 0);
    first.alerts.raise(alert('a2'), 10);
    const open = first.saved.at(-1)!;
    first.alerts.dispose();
    // The robot is back 2 s later: a1 and a2 escalate at 5 s and 5.01 s, as first planned.
    const { timers, sent, alerts } = desk(2000);
    alerts.restore(open);
    expect(sent.map((m) => [m.payload?.alertId, m.retain, m.payload?.resends])).toEqual([
      ['a1', true, 1],
      ['a2', true, 1],
    ]);
    timers.advance(2999);
    expect(sent.filter((m) => m.payload?.status === 'escalated')).toEqual([]);
    timers.advance(11);
    const escalated = sent.filter((m) => m.payload?.status === 'escalated');
    expect([...new Set(escalated.map((m) => m.payload?.alertId))]).toEqual(['a1', 'a2']);
    // Back after their escalation time: they escalate at once.
    const late = desk(60_000);
    late.alerts.restore(open);
    late.timers.advance(0);
    const lateEscalations = late.sent.filter((m) => m.payload?.status === 'escalated');
    expect(lateEscalations.map((m) => m.payload?.alertId)).toEqual(['a1', 'a2']);
  });

  it('stops its timers on dispose', () => {
    const { timers, alerts } = desk();
    alerts.raise(alert('a1'), 0);
    alerts.dispose();
    expect(timers.delays()).toEqual([]);
  });
});
