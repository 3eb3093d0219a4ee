/**
 * Alerts, mood and metrics from the graph to MQTT, and the caregiver's acknowledgement back, on a
 * real in-process graph and the embedded aedes broker. Re-sends and escalation run on fake timers.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AffectType,
  CaregiverCommandType,
  SafetyAlertType,
  Topics,
  TurnRecordType,
  type CaregiverCommand,
} from '@hearth/interfaces';
import { Qos, type GraphNode } from '@hearth/graph';
import type { TelemetryNode } from '../src/TelemetryNode.js';
import { AlertPayloadSchema, MetricsPayloadSchema, MoodPayloadSchema } from '../src/schemas.js';
import { MqttProbe, type ProbeMessage } from './support/MqttProbe.js';
import type { FakeTimers } from './support/FakeTimers.js';
import { startTelemetryHarness, type TelemetryHarness } from './support/telemetryHarness.js';
import { sendCaregiverCommand } from './support/caregiverCommand.js';

const robot = 'alerts-robot';
const status = (m: ProbeMessage) => (m.json as { status?: string } | undefined)?.status;

describe('TelemetryNode alerts, mood and metrics', () => {
  let harness: TelemetryHarness;
  let driver: GraphNode;
  let telemetry: TelemetryNode;
  let probe: MqttProbe;
  let timers: FakeTimers;

  beforeEach(async () => {
    harness = await startTelemetryHarness({
      robot,
      parameterOverrides: { alert_resend_ms: 1000, alert_escalate_after_ms: 5000 },
      node: { modelName: 'tiny' },
    });
    ({ driver, telemetry, probe, timers } = harness);
  });

  afterEach(() => harness.close());

  it('sends an alert retained, re-sends and escalates it, and clears it when a caregiver acknowledges', async () => {
    const commands: CaregiverCommand[] = [];
    driver.createSubscription(
      CaregiverCommandType,
      Topics.caregiverCommand,
      (m) => commands.push(m),
      Qos.events,
    );
    driver.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events).publish(
      SafetyAlertType.create({
        stamp: driver.clock.now(),
        alert_id: 'alert-1',
        session_id: 's-1',
        level: 'high',
        category: 'self_harm',
        reasons: ['said they want to hurt themselves'],
        message: 'I am here with you.',
      }),
    );
    const first = await probe.next((m) => /\/alerts\//.test(m.topic));
    expect(AlertPayloadSchema.parse(first.json)).toMatchObject({
      alertId: 'alert-1',
      status: 'open',
      contact: 'primary',
      level: 'high',
    });
    expect(first.qos).toBe(1);

    // A dashboard that connects late gets the open alert at once.
    const late = await MqttProbe.connect(harness.broker.url, `hearth/v1/${robot}/alerts/+`);
    expect((await late.next(() => true)).retain).toBe(true);
    await late.close();

    timers.advance(5000);
    await probe.next((m) => /\/alerts\//.test(m.topic) && status(m) === 'escalated');
    const resends = probe.messages.filter(
      (m) => /\/alerts\//.test(m.topic) && status(m) === 'open',
    );
    expect(resends.length).toBeGreaterThanOrEqual(2);

    await sendCaregiverCommand(probe, robot, 'ack-alert', { alertId: 'alert-1' });
    const ack = await probe.next((m) => /\/alerts\//.test(m.topic) && status(m) === 'acknowledged');
    expect(AlertPayloadSchema.parse(ack.json)).toMatchObject({ acknowledgedBy: 'carol' });
    await probe.next((m) => /\/alerts\//.test(m.topic) && m.text === '');
    expect(commands).toMatchObject([
      { verb: 'ack-alert', alert_id: 'alert-1', issued_by: 'carol' },
    ]);
    expect(telemetry.openAlerts).toEqual([]);

    // Cleared: a dashboard that connects now sees no alert.
    const after = await MqttProbe.connect(harness.broker.url, `hearth/v1/${robot}/alerts/+`);
    await new Promise((r) => setTimeout(r, 100));
    expect(after.messages).toEqual([]);
    await after.close();
  });

  it('sends the mood of each turn, retained, and metrics after each turn', async () => {
    driver
      .createPublisher(AffectType, Topics.affect, Qos.events)
      .publish(
        AffectType.create({ session_id: 's-1', emotion: 'sadness', intensity: 0.7, valence: -0.6 }),
      );
    const mood = await probe.next((m) => m.topic.endsWith('/mood'));
    expect(MoodPayloadSchema.parse(mood.json)).toMatchObject({
      emotion: 'sadness',
      sessionId: 's-1',
    });
    expect(MoodPayloadSchema.parse(mood.json).valence).toBeCloseTo(-0.6);

    const turns = driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events);
    turns.publish(
      TurnRecordType.create({
        session_id: 's-1',
        turn_index: 0,
        llm_first_token_ms: 200,
        llm_total_ms: 900,
        tts_first_audio_ms: 350,
        turn_total_ms: 1500,
        barge_in_to_silence_ms: -1,
        generated_tokens: 40,
        tokens_per_second: 12.5,
        context_strategy: 'window',
      }),
    );
    const metrics = MetricsPayloadSchema.parse(
      (await probe.next((m) => m.topic.endsWith('/metrics'))).json,
    );
    expect(metrics.turn).toMatchObject({ index: 0, timings: { llmFirstTokenMs: 200 } });
    expect(metrics.model).toMatchObject({
      name: 'tiny',
      generatedTokens: 40,
      tokensPerSecond: 12.5,
    });
    expect(metrics.memory.rssBytes).toBeGreaterThan(0);

    // The model that answered, as the llm node names it in the turn, wins over the option.
    turns.publish(
      TurnRecordType.create({ session_id: 's-1', turn_index: 1, model: 'phi-3-mini.Q4_K_M.gguf' }),
    );
    const named = await probe.next(
      (m) =>
        m.topic.endsWith('/metrics') && (m.json as { turn?: { index: number } }).turn?.index === 1,
    );
    expect(MetricsPayloadSchema.parse(named.json).model.name).toBe('phi-3-mini.Q4_K_M.gguf');

    // Between turns, metrics come every metrics_period_ms (60 s by default), naming that model.
    timers.advance(60_000);
    const health = await probe.next(
      (m) => m.topic.endsWith('/metrics') && (m.json as { turn?: unknown }).turn === undefined,
    );
    expect(MetricsPayloadSchema.parse(health.json).model.name).toBe('phi-3-mini.Q4_K_M.gguf');
  });

  it('keeps every open alert retained on its own topic, so a late dashboard gets them all', async () => {
    const alerts = driver.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events);
    for (const id of ['a-1', 'a-2', 'a-3'])
      alerts.publish(
        SafetyAlertType.create({
          alert_id: id,
          session_id: 's-1',
          level: 'high',
          category: 'abuse',
        }),
      );
    await probe.next((m) => m.topic.endsWith('/alerts/a-3'));
    const retainedNow = async (): Promise<string[]> => {
      const late = await MqttProbe.connect(harness.broker.url, `hearth/v1/${robot}/alerts/+`);
      await new Promise((r) => setTimeout(r, 150));
      await late.close();
      expect(late.messages.every((m) => m.retain)).toBe(true);
      return late.messages.map((m) => AlertPayloadSchema.parse(m.json).alertId).sort();
    };
    expect(await retainedNow()).toEqual(['a-1', 'a-2', 'a-3']);

    await sendCaregiverCommand(probe, robot, 'ack-alert', { alertId: 'a-2' });
    await probe.next((m) => m.topic.endsWith('/alerts/a-2') && m.text === '');
    expect(await retainedNow()).toEqual(['a-1', 'a-3']);
  });
});
