/**
 * The page in Debian's chromium: a robot's status, state and turns published over MQTT appear
 * live, against the embedded aedes broker and a real mosquitto.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { startEmbeddedBroker } from '@hearth/telemetry/mqtt';
import { startDashboard, type Dashboard } from '../src/startDashboard.js';
import {
  CapturingLogger,
  FakeRobotPublisher,
  mosquittoUrl,
  sharedTurn,
  unsharedTurn,
} from './support/FakeRobotPublisher.js';
import { launchChromium } from '../../../tests/support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const card = (robot: string): string => `section.robot[data-robot="${robot}"]`;

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

describe.each([
  [
    'aedes',
    async (): Promise<{ url: string; close: () => Promise<void> }> =>
      startEmbeddedBroker({ port: 0 }),
  ],
  [
    'mosquitto',
    async (): Promise<{ url: string; close: () => Promise<void> }> => ({
      url: mosquittoUrl(),
      close: async () => undefined,
    }),
  ],
])('dashboard page live over %s', (brokerName, openBroker) => {
  let broker: { url: string; close: () => Promise<void> };
  let dashboard: Dashboard;
  let robot: FakeRobotPublisher;
  const robotId = `browser-${brokerName}`;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    broker = await openBroker();
    robot = await FakeRobotPublisher.connect(broker.url, robotId);
    await robot.clear();
    dashboard = await startDashboard({ mqttUrl: broker.url, port: 0, logger });
    await dashboard.ready();
  });
  afterAll(async () => {
    await robot.clear();
    await robot.close();
    await dashboard.close();
    await broker.close();
  });

  it('shows status, state and turns as they happen', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(dashboard.url);
    await page.locator('#connection[data-state="live"]').waitFor();

    await robot.status('online');
    await page.locator(`${card(robotId)} .status[data-status="online"]`).waitFor();
    expect(await text(page, `${card(robotId)} .status`)).toBe('Online');

    await robot.sessionStart('s-1');
    await robot.state('listening', 's-1');
    await page.locator(`${card(robotId)} .state[data-state="listening"]`).waitFor();
    expect(await text(page, `${card(robotId)} .state`)).toBe('Listening');

    await robot.turn(
      's-1',
      sharedTurn(
        0,
        'I feel a bit lonely today.',
        'I am sorry you feel lonely. I am here with you.',
      ),
    );
    await robot.state('followUp', 's-1', 1);
    await page
      .locator(`${card(robotId)} .turn`)
      .first()
      .waitFor();
    expect(await text(page, `${card(robotId)} .user-text`)).toBe('I feel a bit lonely today.');
    expect(await text(page, `${card(robotId)} .reply-text`)).toBe(
      'I am sorry you feel lonely. I am here with you.',
    );
    expect(await text(page, `${card(robotId)} .latency`)).toContain(
      'replied in 1.6 s (first words after 420 ms)',
    );
    await page.locator(`${card(robotId)} .state[data-state="followUp"]`).waitFor();

    await robot.turn('s-1', unsharedTurn(1));
    await page.locator(`${card(robotId)} .turn:nth-child(2) .not-shared`).waitFor();
    expect(await text(page, `${card(robotId)} .turn:nth-child(2)`)).toMatch(/not shared/i);
    expect(await page.locator(`${card(robotId)} .turns`).getAttribute('role')).toBe('log');
    expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');

    if (brokerName === 'aedes')
      await page.screenshot({ path: '/tmp/hearth-dashboard.png', fullPage: true });

    // A browser that opens later gets it all from the snapshot.
    const late = await browser.newPage();
    await late.goto(dashboard.url);
    await late.locator(`${card(robotId)} .turn:nth-child(2)`).waitFor();
    expect(await text(late, `${card(robotId)} .user-text`)).toBe('I feel a bit lonely today.');
    await late.close();

    await robot.status('offline');
    await page.locator(`${card(robotId)} .status[data-status="offline"]`).waitFor();
    await page.close();
    expect(logger.lines.filter((l) => l.level !== 'info')).toEqual([]);
  });
});
