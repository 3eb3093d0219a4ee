/**
 * The page in Debian's chromium against aedes: the command buttons and the quiet-hours control
 * reach the broker, a moderate-risk notice is shown without the alert's sound, countdown or
 * acknowledgement (an alert still beeps), and a turn's flags and speech-to-text stage show.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import {
  CommandPayloadSchema,
  startEmbeddedBroker,
  type CommandPayload,
  type EmbeddedBroker,
} from '@hearth/telemetry/mqtt';
import { startDashboard, type Dashboard } from '../src/startDashboard.js';
import {
  CapturingLogger,
  FakeRobotPublisher,
  eventually,
  sharedTurn,
} from './support/FakeRobotPublisher.js';
import { launchChromium } from '../../../tests/support/browser.js';

const ROBOT = 'flags-robot';
const card = `section.robot[data-robot="${ROBOT}"]`;

let browser: Browser;
let broker: EmbeddedBroker;
let dashboard: Dashboard;
let robot: FakeRobotPublisher;
let listener: MqttClient;
const commands: CommandPayload[] = [];
const logger = new CapturingLogger();

beforeAll(async () => {
  browser = await launchChromium();
  broker = await startEmbeddedBroker({ port: 0 });
  robot = await FakeRobotPublisher.connect(broker.url, ROBOT);
  // What the robot would receive: every command to it, validated with the robot's schema.
  listener = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
  await listener.subscribeAsync(robot.topics.commands, { qos: 1 });
  listener.on('message', (_topic, payload) =>
    commands.push(CommandPayloadSchema.parse(JSON.parse(payload.toString()))),
  );
  dashboard = await startDashboard({ mqttUrl: broker.url, port: 0, logger });
  await dashboard.ready();
  await robot.status('online');
  await robot.sessionStart('s-flags');
  await robot.state('listening', 's-flags');
});
afterAll(async () => {
  await robot.clear();
  await robot.close();
  await listener.endAsync();
  await dashboard.close();
  await broker.close();
  await browser.close();
});

/** A page that counts the alarm's oscillators (the beep) instead of guessing from the DOM. */
async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  await page.addInitScript(() => {
    const counted = window as unknown as { beeps: number };
    counted.beeps = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      counted.beeps += 1;
      return original.call(this);
    };
  });
  await page.goto(dashboard.url);
  await page.locator('#connection[data-state="live"]').waitFor();
  await page.locator(`${card} .status[data-status="online"]`).waitFor();
  return page;
}

const beeps = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { beeps: number }).beeps);

async function nextCommand(count: number): Promise<CommandPayload> {
  return eventually(() => (commands.length >= count ? commands[count - 1] : undefined));
}

describe('dashboard page: commands, quiet hours, notices and turn flags', () => {
  it('sends pause, resume, end conversation and quiet hours to the robot', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: `Pause ${ROBOT}` }).click();
    expect(await nextCommand(1)).toMatchObject({ verb: 'pause', robot: ROBOT });
    await page.getByRole('button', { name: `Resume ${ROBOT}` }).click();
    expect(await nextCommand(2)).toMatchObject({ verb: 'resume' });
    await page.getByRole('button', { name: `End conversation ${ROBOT}` }).click();
    expect(await nextCommand(3)).toMatchObject({ verb: 'end-session', issuedBy: 'development' });

    await page.getByLabel(`Quiet hours of ${ROBOT} start at`).fill('22:00');
    await page.getByLabel(`Quiet hours of ${ROBOT} end at`).fill('07:30');
    await page.locator(`${card} .quiet-hours button[type="submit"]`).click();
    expect(await nextCommand(4)).toMatchObject({
      verb: 'quiet-hours',
      start: '22:00',
      end: '07:30',
      issuedBy: 'development',
    });
    // Shown back on the card, to this page and to one opened later.
    await page.locator(`${card} .quiet-now[data-set="on"]`).waitFor();
    expect(await page.locator(`${card} .quiet-now`).textContent()).toMatch(
      /^22:00 to 07:30 \(set by development at /,
    );
    await page.getByRole('button', { name: `Turn off quiet hours of ${ROBOT}` }).click();
    expect(await nextCommand(5)).toMatchObject({ verb: 'quiet-hours', start: '', end: '' });
    await page.locator(`${card} .quiet-now[data-set="off"]`).waitFor();
    const late = await openPage();
    await late.locator(`${card} .quiet-now[data-set="off"]`).waitFor();
    await late.close();
    await page.close();
  });

  it('refuses malformed quiet hours before they reach the broker', async () => {
    const response = await fetch(
      new URL(`/api/robots/${ROBOT}/commands/quiet-hours`, dashboard.url),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ start: '25:00', end: '' }),
      },
    );
    expect(response.status).toBe(400);
    const { issues } = (await response.json()) as { issues: string[] };
    expect(issues.join('\n')).toMatch(/start: must be HH:MM/);
    // Still the five commands of the test before: nothing was published.
    expect(commands).toHaveLength(5);
  });

  it('shows a notice quietly, and an alert with its sound, countdown and acknowledgement', async () => {
    const page = await openPage();
    await robot.notice({
      noticeId: 'notice-1',
      sessionId: 's-flags',
      level: 'moderate',
      category: 'hopelessness',
      reasons: ['rule:no-point'],
      message: 'The robot follows the careful protocol.',
    });
    const notice = page.locator(`${card} .notices .notice[data-notice-id="notice-1"]`);
    await notice.waitFor();
    expect(await notice.textContent()).toContain('moderate risk (hopelessness)');
    expect(await notice.locator('button').count()).toBe(0);
    expect(await page.locator('#alerts').isHidden()).toBe(true);
    // Give a beep, if the page wrongly played one, time to happen.
    await page.waitForTimeout(300);
    expect(await beeps(page)).toBe(0);

    // In the history too.
    await page.locator('#history-form button[type="submit"]').click();
    await page
      .locator('#history-list li[data-session="s-flags"] .notice[data-notice-id="notice-1"]')
      .waitFor();

    await robot.alert({
      alertId: 'alert-1',
      sessionId: 's-flags',
      level: 'high',
      category: 'suicidal_ideation',
      reasons: [],
      message: 'I am here with you.',
      status: 'open',
      contact: 'primary',
      raisedAt: new Date().toISOString(),
      escalateAt: new Date(Date.now() + 300_000).toISOString(),
      resends: 0,
      acknowledgedBy: '',
    });
    await page.locator('#alerts .alert-item[data-alert-id="alert-1"]').waitFor();
    expect(await page.locator('#alerts .countdown').textContent()).toMatch(/^Escalates/);
    await page.getByRole('button', { name: `Acknowledge alert from ${ROBOT}` }).waitFor();
    await eventually(async () => ((await beeps(page)) >= 1 ? true : undefined));
    // The notice is still a notice, not in the alert banner.
    expect(await page.locator('#alerts .notice').count()).toBe(0);
    await page.close();
  });

  it("shows a turn's kind, risk, guarded reply and speech-to-text time", async () => {
    const page = await openPage();
    const base = sharedTurn(2, 'Nothing matters any more.', 'That sounds very heavy.');
    await robot.turn('s-flags', {
      ...base,
      riskLevel: 'moderate',
      riskCategory: 'hopelessness',
      replyGuarded: true,
      timings: { ...base.timings, transcriptDelayMs: 180, wakeToSpeechEndMs: 2400 },
    });
    await robot.turn('s-flags', {
      ...sharedTurn(3, '', 'Good morning! How did you sleep?'),
      kind: 'check_in',
      riskLevel: 'none',
    });
    const answered = page.locator(`${card} .turn[data-kind="reply"]`).last();
    await answered.waitFor();
    expect(await answered.locator('.badge.risk').textContent()).toBe('moderate risk: hopelessness');
    expect(await answered.locator('.badge.guarded').textContent()).toBe(
      'Reply replaced by the safety guard',
    );
    expect(await answered.locator('.stages').first().textContent()).toContain(
      'speech to text 180 ms',
    );
    expect(await answered.locator('.stages.wake').textContent()).toContain('2.4 s');
    const checkIn = page.locator(`${card} .turn[data-kind="check_in"]`);
    await checkIn.waitFor();
    expect(await checkIn.locator('.badge.kind').textContent()).toBe(
      'The robot checked in on its own',
    );
    expect(await checkIn.locator('.badge.risk').count()).toBe(0);
    expect(await checkIn.locator('.utterance.person').isHidden()).toBe(true);
    await page.screenshot({ path: '/tmp/hearth-dashboard-flags.png', fullPage: true });
    await page.close();
    // Only the malformed quiet hours were refused; nothing the robot sent was.
    expect(logger.lines.filter((l) => l.level !== 'info').map((l) => l.message)).toEqual([
      'refused dashboard command',
    ]);
  });
});
