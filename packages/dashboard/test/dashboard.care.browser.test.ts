/**
 * The caregiver's path in Debian's chromium, against a real robot telemetry node on an in-process
 * graph and the embedded aedes broker: log in, see a turn, its latency by stage and the mood arrive
 * live, the mood over weeks and the history search, then a safety alert: a banner with the escalation countdown, acknowledged with one click,
 * which reaches the robot's graph as a caregiver command and clears the banner.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  AffectType,
  CaregiverCommandType,
  DialogueStateType,
  SafetyAlertType,
  Topics,
  TurnRecordType,
  type CaregiverCommand,
} from '@hearth/interfaces';
import { LogCapture, Qos, createInProcessTransport, type GraphTransport } from '@hearth/graph';
import { MEMORY_OUTBOX, TelemetryNode } from '@hearth/telemetry';
import type { Dashboard } from '../src/startDashboard.js';
import { eventually } from './support/FakeRobotPublisher.js';
import { launchChromium } from '../../../tests/support/browser.js';
import { logInOnPage } from './support/login.js';
import { startTestDashboard, type TestDashboard } from './support/testDashboard.js';

const robotId = 'care-robot';

describe('caregiver in the browser', () => {
  let browser: Browser;
  let started: TestDashboard;
  let dashboard: Dashboard;
  let transport: GraphTransport;
  let telemetry: TelemetryNode;
  let page: Page;
  const commands: CaregiverCommand[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    started = await startTestDashboard([
      { name: 'carol', password: 'correct horse battery', role: 'caregiver' },
    ]);
    ({ dashboard } = started);
    transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    telemetry = new TelemetryNode(transport.createNode('telemetry'), {
      mqttUrl: started.broker.url,
      robotId,
      outboxDir: MEMORY_OUTBOX,
      consent: 'transcripts',
    });
    await telemetry.ready();
    transport
      .createNode('caregiver_listener')
      .createSubscription(
        CaregiverCommandType,
        Topics.caregiverCommand,
        (m) => commands.push(m),
        Qos.events,
      );
    page = await browser.newPage();
  });
  afterAll(async () => {
    await page.screenshot({ path: '/tmp/hearth-dashboard-care.png', fullPage: true });
    await browser.close();
    await telemetry.dispose();
    await transport.shutdown();
    await started.close();
  });

  it('asks for a login and refuses a wrong password', async () => {
    await page.goto(dashboard.url);
    await page.locator('#login').waitFor({ state: 'visible' });
    expect(await page.locator('#robots').isHidden()).toBe(true);
    await logInOnPage(page, 'carol', 'not the password');
    await page.locator('#login-error', { hasText: 'do not match' }).waitFor();
    await logInOnPage(page, 'carol', 'correct horse battery');
    await page.locator('#robots').waitFor({ state: 'visible' });
    expect(await page.locator('#who-name').textContent()).toBe('carol (caregiver)');
    expect(await page.locator('#dev-banner').isHidden()).toBe(true);
  });

  it('shows a turn, its latency by stage and the mood live', async () => {
    const driver = transport.createNode('driver');
    driver
      .createPublisher(DialogueStateType, Topics.dialogueState, Qos.state)
      .publish(
        DialogueStateType.create({ state: 'listening', session_id: 'care-1', event: 'wake' }),
      );
    driver.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events).publish(
      TurnRecordType.create({
        session_id: 'care-1',
        user_text: 'I miss my sister.',
        reply_text: 'That sounds hard.',
        llm_first_token_ms: 210,
        llm_total_ms: 900,
        tts_first_audio_ms: 400,
        turn_total_ms: 1500,
      }),
    );
    driver
      .createPublisher(AffectType, Topics.affect, Qos.events)
      .publish(AffectType.create({ session_id: 'care-1', emotion: 'sadness', valence: -0.6 }));
    const card = page.locator(`section.robot[data-robot="${robotId}"]`);
    await card.locator('.user-text', { hasText: 'I miss my sister.' }).waitFor();
    expect(await card.locator('.stages').first().textContent()).toMatch(
      /first token 210 ms.*first audio 400 ms.*turn 1\.5 s/,
    );
    await card.locator('svg.mood-session[data-points="1"]').waitFor({ state: 'attached' });
    await card.locator('.metrics', { hasText: 'CPU' }).waitFor();
    await card.locator('button.mood-weeks-button').click();
    await card.locator('svg.mood-weeks[data-days="1"] rect.bar').waitFor({ state: 'attached' });
  });

  it('finds a conversation in the history by what was shared', async () => {
    await page.fill('#history-q', 'SISTER');
    await page.click('#history-form button[type=submit]');
    const found = page.locator('#history-list li[data-session="care-1"]');
    await found.waitFor();
    expect(await found.locator('summary').textContent()).toMatch(
      /care-robot · .* · 1 turn · ongoing$/,
    );
    await page.fill('#history-q', 'nothing like this');
    await page.click('#history-form button[type=submit]');
    await found.waitFor({ state: 'detached' });
  });

  it('raises an alert that cannot be missed, and acknowledging it reaches the robot', async () => {
    transport
      .createNode('safety')
      .createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events)
      .publish(
        SafetyAlertType.create({
          alert_id: 'care-alert-1',
          session_id: 'care-1',
          level: 'high',
          category: 'self_harm',
          message: 'I am here with you.',
        }),
      );
    const banner = page.locator('#alerts');
    await banner.waitFor({ state: 'visible' });
    const item = banner.locator('.alert-item[data-alert-id="care-alert-1"]');
    expect(await item.textContent()).toMatch(/care-robot: high risk \(self harm\)/);
    expect(await item.locator('.countdown').textContent()).toMatch(
      /Escalates to the second contact in \d+:\d\d/,
    );
    await item.locator('button.ack').click();
    await banner.waitFor({ state: 'hidden' });
    const ack = await eventually(() => commands.find((c) => c.verb === 'ack-alert'));
    expect(ack).toMatchObject({ alert_id: 'care-alert-1', issued_by: 'carol' });
    expect(telemetry.openAlerts).toEqual([]);
  });
});
