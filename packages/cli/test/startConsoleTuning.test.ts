/**
 * `hearth start`'s console tunes the gesture node out of the box: the composed graph, the
 * console as `hearth start` starts it, and the page in Debian's chromium setting a gesture
 * parameter that the running gesture node then has.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ConsoleHandle } from '@hearth/console';
import { LogCapture, type ParameterClient } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import { startGraphConsole } from '../src/commands/start.js';
import { composeGraph, type ComposedGraph } from '../src/graph/composeGraph.js';
import { launchChromium } from '../../../tests/support/browser.js';
import { loadRobotProfile } from '../src/robotProfile.js';

describe('hearth start: gesture tuning from the console page', () => {
  let dir: string;
  let graph: ComposedGraph;
  let consoleHandle: ConsoleHandle;
  let browser: Browser;
  let page: Page;
  let gesture: ParameterClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-start-tuning-'));
    const profile = loadRobotProfile('pepper');
    // Only the gesture node: the others play no part in tuning it.
    graph = await composeGraph({
      profile,
      audioDir: dir,
      nodes: [NodeNames.gesture],
      logger: { capture: new LogCapture() },
    });
    consoleHandle = await startGraphConsole(graph, profile, {
      host: '127.0.0.1',
      port: 0,
      audioDir: dir,
    });
    gesture = graph.createNode('probe').createParameterClient(NodeNames.gesture);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(consoleHandle.url);
  });

  afterAll(async () => {
    await browser?.close();
    await consoleHandle?.close();
    await graph?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("sets a gesture parameter from the page, and shows the profile's figure", async () => {
    await page.waitForSelector('#parameters .param[data-param="intensity"]');
    expect(await page.isVisible('#tuning-off')).toBe(false);
    expect(await page.getAttribute('#tuning-panel', 'data-node')).toBe('gesture');
    await page.waitForSelector('#figure[data-robot="pepper"]');

    await page.fill('#param-intensity', '0.4');
    await page.click('.param[data-param="intensity"] button');
    await page.waitForSelector('.param[data-param="intensity"][data-result="ok"]');
    expect(await gesture.getParameters(['intensity'])).toEqual({ intensity: 0.4 });

    // The node's own refusal comes back with its reason.
    await page.fill('#param-intensity', '3');
    await page.click('.param[data-param="intensity"] button');
    await page.waitForSelector('.param[data-param="intensity"][data-result="refused"]');
    expect(await page.textContent('.param[data-param="intensity"] .param-error')).toContain(
      'intensity',
    );
    expect(await gesture.getParameters(['intensity'])).toEqual({ intensity: 0.4 });

    // A change made elsewhere shows on the page.
    await gesture.setParameters({ speech_offset_ms: 120 });
    await page.waitForSelector('.param[data-param="speech_offset_ms"][data-value="120"]');
  });
});
