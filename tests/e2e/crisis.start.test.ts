/**
 * The crisis path end to end in the simulator (issue 7), as the people involved meet it:
 * `hearth start --model none`; the person types a crisis message on the web console (Debian's
 * chromium); the safety screen puts the dialogue in crisis, the robot stays with them; the alert
 * reaches the care dashboard page through the real MQTT broker; a caregiver acknowledges it
 * there; the robot leaves crisis and listens again, on the console and on the dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { interrupt, startSimulator, type RunningHearth } from '../support/hearthCli.js';

const card = 'section.robot[data-robot="hearth-sim"]';

describe('hearth start: the crisis path from the console to the dashboard and back', () => {
  let hearth: RunningHearth;
  let browser: Browser;

  beforeAll(async () => {
    const audioDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-crisis-'));
    hearth = await startSimulator({ model: 'none', audioDir });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (hearth) await interrupt(hearth.child);
  }, 30_000);

  it('alerts the dashboard, and the caregiver’s acknowledgement there ends the crisis', async () => {
    const consoleUrl = /web console:\s+(\S+)/.exec(hearth.stdout())![1]!;
    const dashboardUrl = /care dashboard:\s+(\S+)/.exec(hearth.stdout())![1]!;
    const dashboard = await browser.newPage();
    await dashboard.goto(dashboardUrl);
    await dashboard.locator(`${card} .status[data-status="online"]`).waitFor({ timeout: 30_000 });

    const page = await browser.newPage();
    await page.goto(consoleUrl);
    await page.locator('#state[data-state="asleep"]').waitFor({ timeout: 30_000 });
    await page.fill('#text', 'I want to kill myself');
    await page.press('#text', 'Enter');

    // The robot stays with the person: the console shows the crisis state and the fixed message.
    await page.locator('#state[data-state="crisis"]').waitFor({ timeout: 60_000 });
    await page.locator('.message.robot >> text=988').first().waitFor({ timeout: 60_000 });

    // The caregiver cannot miss it.
    const item = dashboard.locator('#alerts .alert-item').first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await item.textContent()).toMatch(/hearth-sim: high risk \(suicidal ideation\)/);
    await dashboard.locator(`${card} .state[data-state="crisis"]`).waitFor({ timeout: 30_000 });
    // Typing more does not end the crisis: only a caregiver does.
    await page.fill('#text', 'hello?');
    await page.press('#text', 'Enter');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.locator('#state').getAttribute('data-state')).toBe('crisis');

    await item.locator('button.ack').click();
    await dashboard.locator('#alerts').waitFor({ state: 'hidden', timeout: 30_000 });
    await page
      .locator('#state[data-state="listening"], #state[data-state="asleep"]')
      .waitFor({ timeout: 30_000 });
    await dashboard
      .locator(
        `${card} .state[data-state="listening"], ${card} .state[data-state="followUp"], ${card} .state[data-state="asleep"]`,
      )
      .first()
      .waitFor({ timeout: 30_000 });
    expect(hearth.stderr()).not.toMatch(/bug in Hearth/);
  }, 180_000);
});
