/**
 * What this round's audit asked of the telemetry node, on a real in-process graph and the embedded
 * aedes broker: a moderate-risk notice is a notice (sent once, QoS 1, never retained, re-sent or
 * escalated), not an alert; turns carry the safety flags and the transcript and wake stage times
 * also without consent to text; and `cmd/quiet-hours` reaches the graph as `set-quiet-hours`.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CaregiverCommandType,
  SafetyAlertType,
  Topics,
  TurnRecordType,
  type CaregiverCommand,
} from '@hearth/interfaces';
import { Qos, type GraphNode } from '@hearth/graph';
import type { TelemetryNode } from '../src/TelemetryNode.js';
import {
  MetricsPayloadSchema,
  NoticePayloadSchema,
  SessionEventPayloadSchema,
} from '../src/schemas.js';
import { MqttProbe } from './support/MqttProbe.js';
import type { FakeTimers } from './support/FakeTimers.js';
import { startTelemetryHarness, type TelemetryHarness } from './support/telemetryHarness.js';
import { sendCaregiverCommand } from './support/caregiverCommand.js';

const robot = `notice-${process.pid}`;

describe('TelemetryNode notices, turn flags and quiet hours', () => {
  let harness: TelemetryHarness;
  let driver: GraphNode;
  let telemetry: TelemetryNode;
  let probe: MqttProbe;
  let timers: FakeTimers;

  beforeEach(async () => {
    harness = await startTelemetryHarness({
      robot,
      parameterOverrides: { alert_resend_ms: 1000, alert_escalate_after_ms: 5000 },
    });
    ({ driver, telemetry, probe, timers } = harness);
  });

  afterEach(() => harness.close());

  const raise = (alert_id: string, level: string): void =>
    driver.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events).publish(
      SafetyAlertType.create({
        stamp: driver.clock.now(),
        alert_id,
        session_id: 's-1',
        level,
        category: 'suicidal_ideation',
        reasons: ['hopeless.burden', 'I feel like a burden'],
        message: 'The robot is answering with the careful protocol.',
      }),
    );

  it('sends a moderate risk as a notice once: never retained, re-sent, escalated or left open', async () => {
    raise('alert-m1', 'moderate');
    const notice = await probe.next((m) => m.topic.endsWith('/notice'));
    expect(notice.qos).toBe(1);
    expect(notice.retain).toBe(false);
    expect(NoticePayloadSchema.parse(notice.json)).toMatchObject({
      noticeId: 'alert-m1',
      sessionId: 's-1',
      level: 'moderate',
      category: 'suicidal_ideation',
      // Without consent to transcripts the person's words are withheld: rule ids only.
      reasons: ['hopeless.burden'],
    });
    expect(telemetry.openAlerts).toEqual([]);
    // Long past the re-send and escalation times: nothing more about it.
    timers.advance(60_000);
    raise('alert-h1', 'high');
    await probe.next((m) => /\/alerts\//.test(m.topic));
    await new Promise((r) => setTimeout(r, 100));
    expect(probe.messages.filter((m) => m.topic.endsWith('/notice'))).toHaveLength(1);
    const alerts = probe.messages.filter((m) => /\/alerts\//.test(m.topic));
    expect(alerts.map((m) => (m.json as { alertId: string }).alertId)).toEqual(['alert-h1']);
    // High stays an alert: open until acknowledged, and retained.
    expect(telemetry.openAlerts.map((a) => a.alertId)).toEqual(['alert-h1']);
    // A dashboard that connects now sees the alert retained, and no notice.
    const late = await MqttProbe.connect(harness.broker.url, `hearth/v1/${robot}/#`);
    await late.next((m) => /\/alerts\//.test(m.topic));
    await new Promise((r) => setTimeout(r, 100));
    expect(late.messages.some((m) => m.topic.endsWith('/notice'))).toBe(false);
    await late.close();
  });

  it('sends the safety flags and every stage time with a turn that carries no text', async () => {
    driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events).publish(
      TurnRecordType.create({
        stamp: driver.clock.now(),
        session_id: 's-2',
        turn_index: 1,
        kind: 'reply',
        user_text: 'I feel like a burden',
        reply_text: 'That sounds really hard.',
        risk_level: 'moderate',
        risk_category: 'suicidal_ideation',
        reply_guarded: true,
        llm_first_token_ms: 200,
        llm_total_ms: 900,
        tts_first_audio_ms: 350,
        turn_total_ms: 1500,
        transcript_delay_ms: 120,
        wake_to_speech_end_ms: 2400,
      }),
    );
    const event = await probe.next((m) => m.topic.endsWith('/event') && m.text.includes('"turn"'));
    expect(event.text).not.toContain('burden');
    const parsed = SessionEventPayloadSchema.parse(event.json);
    expect(parsed).toMatchObject({
      type: 'turn',
      turn: {
        shared: false,
        kind: 'reply',
        riskLevel: 'moderate',
        riskCategory: 'suicidal_ideation',
        replyGuarded: true,
        timings: { transcriptDelayMs: 120, wakeToSpeechEndMs: 2400, turnTotalMs: 1500 },
      },
    });
    const metrics = await probe.next((m) => m.topic.endsWith('/metrics'));
    expect(MetricsPayloadSchema.parse(metrics.json).turn?.timings).toMatchObject({
      transcriptDelayMs: 120,
      wakeToSpeechEndMs: 2400,
    });
  });

  it('publishes cmd/quiet-hours on the graph as set-quiet-hours, and refuses a half-set one', async () => {
    const commands: CaregiverCommand[] = [];
    driver.createSubscription(
      CaregiverCommandType,
      Topics.caregiverCommand,
      (m) => commands.push(m),
      Qos.events,
    );
    const send = (start: string, end: string) =>
      sendCaregiverCommand(probe, robot, 'quiet-hours', { start, end });
    const refused = new Promise((resolve) => telemetry.once('commandRefused', resolve));
    await send('22:00', '');
    await expect(refused).resolves.toMatchObject({ issues: [expect.stringMatching(/^end: /)] });
    const accepted = (n: number) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        const on = () => {
          seen += 1;
          if (seen === n) {
            telemetry.off('commandAccepted', on);
            resolve();
          }
        };
        telemetry.on('commandAccepted', on);
      });
    const both = accepted(2);
    await send('22:00', '07:30');
    await send('', '');
    await both;
    await new Promise((r) => setTimeout(r, 20));
    expect(commands.map((c) => [c.verb, c.text, c.issued_by])).toEqual([
      ['set-quiet-hours', '22:00-07:30', 'carol'],
      ['set-quiet-hours', '', 'carol'],
    ]);
  });
});
