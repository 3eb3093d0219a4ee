/**
 * What each outgoing MQTT payload needs from the person's consent, and how a payload is narrowed
 * when their consent no longer covers it. The need is read from the topic and the payload itself
 * (never from a label stored beside it), so a message queued under one consent and sent under
 * another is judged by what it really carries:
 *
 * | payload                                          | leaves when consent is at least |
 * | ------------------------------------------------ | ------------------------------- |
 * | status; metrics without a turn (robot health)   | always                          |
 * | alert, notice (reasons reduced to rule ids)      | always                          |
 * | state, mood, session start/end, turn w/o text, metrics after a turn | state_mood       |
 * | session summary                                  | summaries                       |
 * | turn with text (redacted); alert with its reasons redacted | transcripts           |
 */
import type { OutboxEntry } from '../outbox/Outbox.js';
import { parseTopic } from '../topics.js';
import { permits, type ConsentLevel, type Disclosure } from './ConsentLevel.js';

/** A safety-screen rule id such as `suicidal.kill_self`: names a rule, carries no words. */
const RULE_ID = /^[a-z][a-z_]*(?:\.[a-z0-9_]+)+$/;

export function disclosureOf(topic: string, payload: string): Disclosure {
  const parsed = parseTopic(topic);
  // An empty payload clears a retained message: it carries nothing.
  if (payload === '') return 'always';
  if (!parsed) return 'transcripts';
  switch (parsed.kind) {
    case 'status':
      return 'always';
    case 'alert':
    case 'notice':
      return alertReasons(payload).every((r) => typeof r === 'string' && RULE_ID.test(r))
        ? 'always'
        : 'transcripts';
    case 'metrics':
      return objectOf(payload)?.['turn'] === undefined ? 'always' : 'state_mood';
    case 'state':
    case 'mood':
      return 'state_mood';
    case 'sessionEvent': {
      const event = objectOf(payload);
      if (event?.['type'] === 'session.summary') return 'summaries';
      if (event?.['type'] === 'turn')
        return objectOf(event['turn'])?.['shared'] === false ? 'state_mood' : 'transcripts';
      return 'state_mood';
    }
    default:
      return 'transcripts';
  }
}

/**
 * The entry as a person at `level` lets it leave: unchanged, narrowed (a turn without its text,
 * an alert with rule ids only), or undefined when nothing of it may leave.
 */
export function narrowEntry(entry: OutboxEntry, level: ConsentLevel): OutboxEntry | undefined {
  const needed = disclosureOf(entry.topic, entry.payload);
  if (permits(level, needed)) return entry;
  const parsed = parseTopic(entry.topic);
  if (parsed?.kind === 'alert' || parsed?.kind === 'notice') {
    const alert = objectOf(entry.payload);
    if (!alert) return undefined;
    return {
      ...entry,
      payload: JSON.stringify({ ...alert, reasons: ruleIdsOnly(alert['reasons']) }),
    };
  }
  if (parsed?.kind === 'sessionEvent' && permits(level, 'state_mood')) {
    const event = objectOf(entry.payload);
    const turn = objectOf(event?.['turn']);
    if (event?.['type'] !== 'turn' || !turn) return undefined;
    const { userText: _user, replyText: _reply, ...rest } = turn;
    return {
      ...entry,
      payload: JSON.stringify({ ...event, turn: { ...rest, shared: false } }),
    };
  }
  return undefined;
}

/** Alert reasons without the person's words: the screen's rule ids only. */
export function ruleIdsOnly(reasons: unknown): string[] {
  if (!Array.isArray(reasons)) return [];
  return reasons.filter((r): r is string => typeof r === 'string' && RULE_ID.test(r));
}

function alertReasons(payload: string): unknown[] {
  const reasons = objectOf(payload)?.['reasons'];
  return Array.isArray(reasons) ? reasons : [];
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}
