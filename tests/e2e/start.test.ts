/**
 * The main job, as a person meets it: `hearth start` serves the web console and the care
 * dashboard; a person types to the robot in the console (Debian's chromium), sees the reply
 * there, and a caregiver sees the turn arrive live on the dashboard, through the real MQTT
 * broker. Ctrl-C then stops everything cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { interrupt, startSimulator, type RunningHearth } from '../support/hearthCli.js';

const card = (robot: string): string => `section.robot[data-robot="${robot}"]`;

describe('hearth start', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let consoleUrl: string;
  let dashboardUrl: string;

  beforeAll(async () => {
    const audioDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-start-'));
    hearth = await startSimulator({ model: 'none', audioDir });
    consoleUrl = /web console:\s+(\S+)/.exec(hearth.stdout())![1]!;
    dashboardUrl = /care dashboard:\s+(\S+)/.exec(hearth.stdout())![1]!;
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (hearth) await interrupt(hearth.child);
  }, 30_000);

  it('prints the console, dashboard and broker addresses', () => {
    expect(hearth.stdout()).toMatch(/web console:\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(hearth.stdout()).toMatch(/care dashboard:\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(hearth.stdout()).toMatch(/MQTT broker:\s+mqtt:\/\/127\.0\.0\.1:\d+ \(embedded\)/);
  });

  it('answers a typed message in the console and shows the turn on the dashboard', async () => {
    const dashboard = await browser.newPage();
    await dashboard.goto(dashboardUrl);
    await dashboard
      .locator(`${card('hearth-sim')} .status[data-status="online"]`)
      .waitFor({ timeout: 30_000 });

    const page = await browser.newPage();
    await page.goto(consoleUrl);
    // Without a model the console says how the robot is answering.
    await page.locator('text=No language model is loaded').first().waitFor({ timeout: 15_000 });
    await page.fill('#text', 'I feel lonely since my sister moved away');
    await page.press('#text', 'Enter');
    await page.locator('.message.user >> text=I feel lonely since my sister moved away').waitFor();
    const reply = page.locator('.message.robot').first();
    await reply.waitFor({ timeout: 60_000 });
    expect(((await reply.textContent()) ?? '').trim().length).toBeGreaterThan(10);
    await page.locator('#state[data-state="followUp"]').waitFor({ timeout: 60_000 });

    // The caregiver's view: the turn arrives live; its text is not shared without consent.
    await dashboard
      .locator(`${card('hearth-sim')} .turn`)
      .first()
      .waitFor({ timeout: 30_000 });
    await dashboard
      .locator(`${card('hearth-sim')} .turn .not-shared`)
      .first()
      .waitFor();
    await dashboard
      .locator(`${card('hearth-sim')} .state[data-state="followUp"]`)
      .waitFor({ timeout: 30_000 });
  }, 120_000);

  it('stops cleanly on Ctrl-C', async () => {
    const code = await interrupt(hearth.child);
    expect(code).toBe(0);
    expect(hearth.stdout()).toMatch(/Stopped\./);
  }, 30_000);
});
