/**
 * What each payload needs from consent, and how queued payloads are narrowed when consent no
 * longer covers them: judged from the topic and the payload, at every level.
 */
import { describe, expect, it } from '@jest/globals';
import { disclosureOf, narrowEntry } from '../src/consent/ConsentGate.js';
import { CONSENT_LEVELS, permits, type ConsentLevel } from '../src/consent/ConsentLevel.js';
import type { OutboxEntry } from '../src/outbox/Outbox.js';

const base = 'hearth/v1/r1';
const env = { schema: 1, robot: 'r1', ts: '2026-01-01T00:00:00.000Z' };
const event = { ...env, sessionId: 's1', eventId: '6d1f0c2e-1f7e-4f55-9a38-1b8f2f6a0c11', seq: 2 };
const turn = {
  index: 1,
  strategy: '',
  states: [],
  gestures: [],
  interrupted: false,
  fallback: false,
  timings: { llmFirstTokenMs: 1, llmTotalMs: 2, ttsFirstAudioMs: 3, turnTotalMs: 4 },
};

const payloads: Record<string, [topic: string, payload: unknown]> = {
  status: [`${base}/status`, { ...env, state: 'online' }],
  health: [`${base}/metrics`, { ...env, cpu: {} }],
  alert: [`${base}/alert`, { ...env, alertId: 'a1', reasons: ['suicidal.kill_self'] }],
  alertWithWords: [`${base}/alert`, { ...env, alertId: 'a1', reasons: ['said "kill myself"'] }],
  clear: [`${base}/alert`, ''],
  state: [`${base}/state`, { ...env, state: 'listening' }],
  mood: [`${base}/mood`, { ...env, emotion: 'sadness' }],
  turnMetrics: [`${base}/metrics`, { ...env, turn: { index: 1 } }],
  start: [`${base}/session/s1/event`, { ...event, type: 'session.start' }],
  bareTurn: [
    `${base}/session/s1/event`,
    { ...event, type: 'turn', turn: { ...turn, shared: false } },
  ],
  summary: [`${base}/session/s1/event`, { ...event, type: 'session.summary', summary: {} }],
  textTurn: [
    `${base}/session/s1/event`,
    { ...event, type: 'turn', turn: { ...turn, shared: true, userText: 'hi', replyText: 'hello' } },
  ],
  unknown: [`${base}/something`, { ...env }],
};

function entryOf(name: string): OutboxEntry {
  const [topic, payload] = payloads[name]!;
  return {
    id: name,
    topic,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    qos: 1,
    retain: false,
    priority: name.startsWith('alert') ? 'alert' : 'normal',
    person: 'p',
  };
}

describe('consent gate', () => {
  it('knows what each payload needs', () => {
    const needs = Object.fromEntries(
      Object.keys(payloads).map((name) => [
        name,
        disclosureOf(entryOf(name).topic, entryOf(name).payload),
      ]),
    );
    expect(needs).toEqual({
      status: 'always',
      health: 'always',
      alert: 'always',
      alertWithWords: 'transcripts',
      clear: 'always',
      state: 'state_mood',
      mood: 'state_mood',
      turnMetrics: 'state_mood',
      start: 'state_mood',
      bareTurn: 'state_mood',
      summary: 'summaries',
      textTurn: 'transcripts',
      unknown: 'transcripts',
    });
  });

  it('orders the levels, each including the ones before', () => {
    expect(permits('nothing', 'always')).toBe(true);
    expect(permits('nothing', 'state_mood')).toBe(false);
    expect(permits('summaries', 'state_mood')).toBe(true);
    expect(permits('summaries', 'transcripts')).toBe(false);
    expect(permits('transcripts', 'transcripts')).toBe(true);
  });

  const sent = (level: ConsentLevel) =>
    Object.keys(payloads).filter((name) => narrowEntry(entryOf(name), level) !== undefined);

  it('lets only status, health and alerts leave with consent to nothing', () => {
    expect(sent('nothing')).toEqual(['status', 'health', 'alert', 'alertWithWords', 'clear']);
  });

  it.each(CONSENT_LEVELS.map((l) => [l]))(
    'never lets text leave below transcripts (%s)',
    (level) => {
      for (const name of Object.keys(payloads)) {
        const narrowed = narrowEntry(entryOf(name), level);
        if (!narrowed || level === 'transcripts') continue;
        expect(narrowed.payload).not.toMatch(/userText|replyText|kill myself/);
      }
    },
  );

  it('narrows a turn with text to one without below transcripts, and keeps its id', () => {
    const narrowed = narrowEntry(entryOf('textTurn'), 'summaries');
    expect(narrowed?.id).toBe('textTurn');
    expect(JSON.parse(narrowed!.payload)).toEqual({
      ...event,
      type: 'turn',
      turn: { ...turn, shared: false },
    });
    const full = entryOf('textTurn');
    expect(narrowEntry(full, 'transcripts')).toBe(full);
  });

  it('keeps an alert with rule ids only below transcripts', () => {
    const narrowed = narrowEntry(entryOf('alertWithWords'), 'state_mood');
    expect(JSON.parse(narrowed!.payload).reasons).toEqual([]);
    expect(sent('state_mood')).not.toContain('summary');
    expect(sent('summaries')).toContain('summary');
  });

  it('lets a moderate-risk notice leave like an alert: always, with rule ids only below transcripts', () => {
    const notice: OutboxEntry = {
      id: 'n1',
      topic: `${base}/notice`,
      payload: JSON.stringify({ ...env, noticeId: 'n1', reasons: ['hopeless.burden', 'my words'] }),
      qos: 1,
      retain: false,
      priority: 'alert',
      person: 'p',
    };
    expect(disclosureOf(notice.topic, notice.payload)).toBe('transcripts');
    const narrowed = narrowEntry(notice, 'nothing');
    expect(JSON.parse(narrowed!.payload).reasons).toEqual(['hopeless.burden']);
    expect(disclosureOf(narrowed!.topic, narrowed!.payload)).toBe('always');
    expect(narrowEntry(notice, 'transcripts')).toBe(notice);
  });
});
