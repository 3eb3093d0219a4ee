/**
 * The console's views for roboticists in Debian's chromium: the dialogue machine's live view,
 * the robot's figure and gesture tuning. The graph runs the real gesture node (default robot
 * profile); a small double (support/RobotDouble.ts) stands in for the dialogue, llm and tts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  createInProcessTransport,
  Qos,
  type GraphNode,
  type GraphTransport,
  type Publisher,
} from '@hearth/graph';
import {
  DEFAULT_GESTURES_FILE,
  DEFAULT_TRAJECTORY_TOPIC,
  GestureNode,
  loadGestureProfile,
} from '@hearth/gesture';
import {
  GestureCommandType,
  JointTrajectoryPointType,
  JointTrajectoryType,
  NodeNames,
  Topics,
  type GestureCommand,
  type JointTrajectory,
} from '@hearth/interfaces';
import { startConsole, type ConsoleHandle } from '../src/index.js';
import { RobotDouble, waitUntil } from './support/RobotDouble.js';
import { launchChromium } from '../../../tests/support/browser.js';
import { writeToneWav } from './support/writeToneWav.js';
import { PEPPER_GESTURES } from './support/bodyRig.js';

describe('web console: machine view, body figure and gesture tuning', () => {
  let dir: string;
  let transport: GraphTransport;
  let gestureGraphNode: GraphNode;
  let gestureNode: GestureNode;
  let trajectories: Publisher<JointTrajectory>;
  let robot: RobotDouble;
  const seen: GestureCommand[] = [];
  let consoleHandle: ConsoleHandle;
  let browser: Browser;
  let page: Page;

  /** A joint's position as the page's readout shows it (radians). */
  const jointAngle = async (joint: string): Promise<number> =>
    Number(await page.getAttribute(`#joint-readout td[data-joint="${joint}"]`, 'data-angle'));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-console-lab-'));
    const audioDir = join(dir, 'audio');
    await mkdir(audioDir);
    await writeToneWav(join(audioDir, 'reply-1.wav'));
    transport = createInProcessTransport();
    gestureGraphNode = transport.createNode(NodeNames.gesture);
    gestureNode = new GestureNode(
      gestureGraphNode,
      await loadGestureProfile(DEFAULT_GESTURES_FILE),
    );
    const test = transport.createNode('test_driver');
    trajectories = test.createPublisher(JointTrajectoryType, DEFAULT_TRAJECTORY_TOPIC, Qos.events);
    test.createSubscription(GestureCommandType, Topics.gestureCommand, (c) => seen.push(c));
    robot = new RobotDouble(transport.createNode('robot_double'), join(audioDir, 'reply-1.wav'), {
      gesture: false,
    });
    consoleHandle = await startConsole({
      node: transport.createNode(NodeNames.console),
      port: 0,
      audioDir,
      gesturesNode: NodeNames.gesture,
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(consoleHandle.url);
  });

  afterAll(async () => {
    await browser?.close();
    await consoleHandle?.close();
    gestureNode?.dispose();
    await transport?.shutdown();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws the dialogue machine from its definition and follows the robot state live', async () => {
    // States and transitions come from the XState machine, nested as it nests them.
    await page.waitForSelector('#machine .mstate[data-id="listening.hearing"]');
    expect(
      await page.textContent(
        '.mstate[data-id="followUp"] > .medges li[data-event="timeout.followUpWindow"]',
      ),
    ).toContain('asleep');
    await page.waitForSelector('.mstate[data-publishes="asleep"][data-active="true"]');

    await page.click('#wake');
    await page.waitForSelector('.mstate[data-id="listening"][data-active="true"]');
    expect(robot.wakeCalls).toHaveLength(1);
    // The transition it took is marked on the diagram.
    await page.waitForSelector(
      '.mstate[data-id="asleep"] > .medges li[data-event="wake.detected"][data-last="true"]',
    );

    await page.fill('#text', 'I cannot sleep at night');
    await page.press('#text', 'Enter');
    await page.waitForSelector('.mstate[data-id="followUp"][data-active="true"]');
    expect(await page.$$('.mstate[data-active="true"]')).toHaveLength(1);
    // tts.finished led to followUp through an eventless transition: that one is marked.
    expect(
      await page.$$(
        '.mstate[data-id="responding.speaking.next"] > .medges li[data-to="followUp"][data-last="true"]',
      ),
    ).toHaveLength(1);
    // The log, newest first: time, from, event, to.
    const rows = await page.$$eval('#transitions tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent)),
    );
    expect(rows.slice(0, 4)).toEqual([
      ['speaking', 'tts.finished', 'followUp'],
      ['thinking', 'llm.sentence', 'speaking'],
      ['listening', 'speech.final', 'thinking'],
      ['asleep', 'wake.detected', 'listening'],
    ]);
    // The turn's stage times.
    await page.waitForSelector('#turn-stages [data-stage="llmFirstTokenMs"]');
    expect(await page.textContent('#turn-stages [data-stage="llmFirstTokenMs"]')).toContain(
      '120 ms',
    );
    expect(await page.textContent('#turn-stages [data-stage="turnTotalMs"]')).toContain('1500 ms');
    expect(await page.textContent('#turn-stages')).toContain('listening → thinking → speaking');

    // A page loaded now shows the current state and the recent transitions at once.
    await page.reload();
    await page.waitForSelector('.mstate[data-id="followUp"][data-active="true"]');
    expect(await page.$$('#transitions tr')).toHaveLength(5);
  });

  it('moves the figure by a JointTrajectory published on the gesture node topic', async () => {
    await page.waitForSelector('#figure[data-robot="generic_humanoid"]');
    // The real gesture node may still be moving the arm (its thinking pose, a sentence's
    // gesture); the trajectory starts from wherever the arm is.
    const samples: number[] = [await jointAngle('right_shoulder_pitch')];
    // Positions no gesture of the profile reaches: only this message can put the joints there.
    trajectories.publish(
      JointTrajectoryType.create({
        joint_names: ['right_shoulder_pitch', 'right_elbow'],
        points: [
          JointTrajectoryPointType.create({
            positions: [1.1111, 0.8765],
            time_from_start: { sec: 0, nanosec: 600_000_000 },
          }),
          JointTrajectoryPointType.create({
            positions: [2.0123, 1.2345],
            time_from_start: { sec: 1, nanosec: 300_000_000 },
          }),
        ],
      }),
    );
    // The page interpolates between the points, as a joint trajectory controller does.
    await waitUntilAsync(async () => {
      samples.push(await jointAngle('right_shoulder_pitch'));
      return samples.at(-1) === 2.012;
    });
    expect(samples.some((value) => value > samples[0]! + 0.1 && value < 1.9)).toBe(true);
    expect(await jointAngle('right_elbow')).toBe(1.235);
    expect(await page.getAttribute('#figure', 'data-last-motion')).toBe('trajectory');
    // The SVG figure itself carries the angle it draws.
    expect(Number(await page.getAttribute('#figure', 'data-right-shoulder-pitch'))).toBeCloseTo(
      2.012,
    );
    await page.locator('.body').screenshot({ path: '/tmp/hearth-console-figure.png' });
    const arm = await page.getAttribute('#figure polyline[data-arm="right"]', 'points');
    expect(arm).toMatch(/^[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+$/);
  });

  it('lists the gesture node parameters and sets one on the running node', async () => {
    await page.waitForSelector('#parameters .param[data-param="intensity"]');
    expect(await page.isVisible('#tuning-off')).toBe(false);
    const names = await page.$$eval('#parameters .param', (rows) =>
      rows.map((row) => (row as HTMLElement).dataset['param']),
    );
    expect(names).toEqual(expect.arrayContaining(['gestures_file', 'enabled', 'speech_offset_ms']));

    await page.fill('#param-intensity', '0.5');
    await page.click('.param[data-param="intensity"] button');
    await page.waitForSelector('.param[data-param="intensity"][data-result="ok"]');
    expect(gestureGraphNode.getParameter('intensity')).toBe(0.5);

    // A checkbox applies at once.
    await page.uncheck('#param-backchannel_enabled');
    await waitUntil(() => gestureGraphNode.getParameter('backchannel_enabled') === false);

    // A change made elsewhere (ros2 param set) shows on the page.
    gestureGraphNode.setParameters({ speech_offset_ms: 250 });
    await page.waitForSelector('.param[data-param="speech_offset_ms"][data-value="250"]');
    expect(await page.inputValue('#param-speech_offset_ms')).toBe('250');
  });

  it("shows the node's reason when it refuses a value, and keeps the old one", async () => {
    await page.fill('#param-intensity', '5');
    await page.click('.param[data-param="intensity"] button');
    await page.waitForSelector('.param[data-param="intensity"][data-result="refused"]');
    expect(await page.textContent('.param[data-param="intensity"] .param-error')).toContain(
      'intensity',
    );
    expect(gestureGraphNode.getParameter('intensity')).toBe(0.5);

    // The gesture node's own validation: a mapping to a gesture the profile lacks.
    await page.fill('#param-strategy_gestures', 'Question=flap_wings');
    await page.click('.param[data-param="strategy_gestures"] button');
    await page.waitForSelector('.param[data-param="strategy_gestures"][data-result="refused"]');
    expect(await page.textContent('.param[data-param="strategy_gestures"] .param-error')).toContain(
      'flap_wings',
    );
    expect(gestureGraphNode.getParameter('strategy_gestures')).toEqual([]);
  });

  it('plays a gesture from the preview list, at the tuned intensity; refuses while disabled', async () => {
    seen.length = 0;
    await page.click('#preview button[data-gesture="slow_nod"]');
    await waitUntil(() => seen.some((c) => c.name === 'slow_nod'));
    const preview = seen.find((c) => c.name === 'slow_nod');
    expect(preview).toMatchObject({ reason: 'preview', priority: 2 });
    expect(preview?.intensity).toBeCloseTo(0.5);
    // One command, from the gesture node as it performs it: a robot's driver plays it once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.filter((c) => c.name === 'slow_nod')).toHaveLength(1);
    // slow_nod goes to 0.3 rad at intensity 1: here to 0.15, played from its JointTrajectory.
    await waitUntilAsync(async () => (await jointAngle('head_pitch')) > 0.1);
    expect(await jointAngle('head_pitch')).toBeLessThan(0.2);
    expect(await page.getAttribute('#figure', 'data-last-motion')).toBe('trajectory');

    // With the gesture node disabled it would play nothing: the page says so.
    gestureGraphNode.setParameters({ enabled: false });
    await page.waitForSelector('#param-enabled:not(:checked)');
    await page.click('#preview button[data-gesture="nod"]');
    await page.waitForSelector('#error >> text=disabled');
    gestureGraphNode.setParameters({ enabled: true });
    await page.waitForSelector('#param-enabled:checked');
  });

  it('switches the figure to the Pepper profile the gesture node loads', async () => {
    await page.fill('#param-gestures_file', PEPPER_GESTURES);
    await page.click('.param[data-param="gestures_file"] button');
    await page.waitForSelector('#figure[data-robot="pepper"]');
    expect(gestureNode.currentProfile.robot).toBe('pepper');
    expect(await page.textContent('#figure-note')).toContain('KneePitch');

    // Pepper's wave is its own animation: named, not drawn.
    await page.click('#preview button[data-gesture="wave"]');
    await page.waitForSelector('#figure-note >> text=animations/Stand/Gestures/Hey_1');
    expect(await page.textContent('#figure-note')).toContain('From its gesture command only');
    expect(await page.getAttribute('#figure', 'data-last-motion')).toBe('command');

    // Pepper's HeadPitch (neutral -0.2) nods the figure's head by its distance from neutral. The
    // gesture node performs the preview once the wave's animation (3.2 s) frees the head.
    await page.click('#preview button[data-gesture="slow_nod"]');
    await waitUntilAsync(
      async () => Number(await page.getAttribute('#figure', 'data-head-pitch')) > 0.08,
    );
    expect(await jointAngle('HeadPitch')).toBeGreaterThan(-0.15);
  });

  it('fits a phone screen', async () => {
    await page.screenshot({ path: '/tmp/hearth-console-lab.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.isVisible('#figure')).toBe(true);
    await page.screenshot({ path: '/tmp/hearth-console-phone.png' });
  });
});

/** Polls an async check every 20 ms until it holds; jest's test timeout bounds the wait. */
async function waitUntilAsync(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}
