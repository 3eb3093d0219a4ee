/**
 * The console in Debian's chromium, on a real in-process graph. Small test doubles on the same
 * graph stand in for the other nodes: a wake service, and a "robot" that answers typed text with
 * dialogue states, a spoken sentence (with a real WAV), a gesture and a turn record
 * (support/RobotDouble.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createInProcessTransport, Qos, type GraphTransport, type Publisher } from '@hearth/graph';
import { NodeNames, Topics, VoiceActivityType, type VoiceActivity } from '@hearth/interfaces';
import { ConsolePortInUseError, startConsole, type ConsoleHandle } from '../src/index.js';
import { rawGet } from './support/rawGet.js';
import { REPLY, RobotDouble, waitUntil } from './support/RobotDouble.js';
import { launchChromium } from '../../../tests/support/browser.js';
import { writeToneWav } from './support/writeToneWav.js';

const NOTICE = 'No model installed: answering from the fallback responder.';

describe('web console', () => {
  let dir: string;
  let audioDir: string;
  let wav: Buffer;
  let transport: GraphTransport;
  let robot: RobotDouble;
  /** Stands in for audio_in: asked for Silero (its `vad`), publishing what its detector hears. */
  let voiceActivity: Publisher<VoiceActivity>;
  let consoleHandle: ConsoleHandle;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-console-'));
    audioDir = join(dir, 'audio');
    await mkdir(audioDir);
    wav = await writeToneWav(join(audioDir, 'reply-1.wav'));
    transport = createInProcessTransport();
    robot = new RobotDouble(transport.createNode('robot_double'), join(audioDir, 'reply-1.wav'));
    const audioIn = transport.createNode(NodeNames.audioIn);
    audioIn.declareParameter('vad', 'silero', { description: 'voice activity detector' });
    voiceActivity = audioIn.createPublisher(VoiceActivityType, Topics.voiceActivity, Qos.events);
    consoleHandle = await startConsole({
      node: transport.createNode(NodeNames.console),
      port: 0,
      audioDir,
      notices: [NOTICE],
      audioNode: NodeNames.audioIn,
    });
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await consoleHandle?.close();
    await transport?.shutdown();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the state and notices, sends typed text, waking the robot first, and shows the reply', async () => {
    await page.goto(consoleHandle.url);
    await page.waitForSelector('#state[data-state="asleep"]');
    expect(await page.textContent('#notices')).toContain(NOTICE);
    expect(await page.isVisible('#notices')).toBe(true);

    const voiceRequest = page.waitForResponse((response) =>
      response.url().endsWith('/audio/reply-1.wav'),
    );
    await page.fill('#text', 'I feel lonely today');
    await page.press('#text', 'Enter');

    await page.waitForSelector(`.message.robot >> text=${REPLY}`);
    expect(await page.textContent('.message.user')).toContain('I feel lonely today');
    await page.waitForSelector('#state[data-state="followUp"]');
    expect(await page.textContent('#state')).toContain('Waiting for you');
    expect(await page.getAttribute('#gesture-now', 'data-gesture')).toBe('open_arms');
    // Started without the gesture node's parameters: no tuning, and the figure says why it
    // cannot play a gesture its (default) profile lacks.
    expect(await page.isVisible('#tuning-off')).toBe(true);
    expect(await page.textContent('#figure-note')).toContain('open_arms');
    expect(await page.textContent('#gesture-now')).toBe('open arms');

    expect(robot.wakeCalls).toEqual([{ source: 'console' }]);
    expect(robot.transcripts).toHaveLength(1);
    expect(robot.transcripts[0]).toMatchObject({
      text: 'I feel lonely today',
      is_final: true,
      source: 'typed',
    });

    // The page fetched the sentence's WAV to speak it.
    const response = await voiceRequest;
    expect(response.headers()['content-type']).toBe('audio/wav');

    await page.screenshot({ path: '/tmp/hearth-console.png', fullPage: true });
  });

  it('serves the WAV as audio/wav', async () => {
    const response = await fetch(new URL('/audio/reply-1.wav', consoleHandle.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await response.arrayBuffer()).equals(wav)).toBe(true);
  });

  it('refuses path traversal and anything that is not a WAV in the audio folder', async () => {
    await writeFile(join(dir, 'secret.wav'), 'SECRET');
    await writeFile(join(audioDir, 'notes.txt'), 'SECRET');
    await symlink(join(dir, 'secret.wav'), join(audioDir, 'link.wav'));
    for (const path of [
      '/audio/..%2Fsecret.wav',
      '/audio/%2e%2e%2fsecret.wav',
      '/audio/..%5Csecret.wav',
      '/audio/link.wav',
      '/audio/notes.txt',
      '/audio/missing.wav',
      '/audio/.hidden.wav',
    ]) {
      const response = await rawGet(consoleHandle.port, path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body.toString()).not.toContain('SECRET');
    }
    for (const path of ['/audio/../secret.wav', '/audio/../../secret.wav', '/../secret.wav']) {
      const response = await rawGet(consoleHandle.port, path);
      expect(response.status).not.toBe(200);
      expect(response.body.toString()).not.toContain('SECRET');
    }
  });

  it('the wake button calls the wake service', async () => {
    const before = robot.wakeCalls.length;
    await page.click('#wake');
    await waitUntil(() => robot.wakeCalls.length > before);
    expect(robot.wakeCalls.at(-1)).toEqual({ source: 'console' });
  });

  it('answers bad input on the socket with an error', async () => {
    const replies = await page.evaluate(async () => {
      const socket = new WebSocket(`ws://${window.location.host}/ws`);
      const received: { type: string; code?: string }[] = [];
      await new Promise((resolve) => socket.addEventListener('open', resolve));
      const errors = new Promise<void>((resolve) => {
        socket.addEventListener('message', (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; code?: string };
          received.push(message);
          if (received.filter((m) => m.type === 'error').length === 5) resolve();
        });
      });
      socket.send('not json');
      socket.send(JSON.stringify({ type: 'shout' }));
      socket.send(JSON.stringify({ type: 'say', text: 42 }));
      socket.send(JSON.stringify({ type: 'say', text: 'a'.repeat(5000) }));
      socket.send(JSON.stringify({ type: 'setParameter', name: 'intensity', value: 0.5 }));
      await errors;
      socket.close();
      return received;
    });
    expect(replies[0]?.type).toBe('snapshot');
    expect(replies.filter((m) => m.type === 'error').map((m) => m.code)).toEqual([
      'invalid_json',
      'invalid_message',
      'invalid_message',
      'text_too_long',
      'tuning_unavailable',
    ]);
    expect(robot.transcripts).toHaveLength(1);
  });

  it('refuses websocket connections from other web pages', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: consoleHandle.port,
        path: '/ws',
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
          Origin: 'http://evil.example',
        },
      });
      req.on('upgrade', (_res, socket) => {
        socket.destroy();
        resolve(101);
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('shows a notice when audio_in hears with the energy detector instead of Silero', async () => {
    const speech = (detector: string): void =>
      voiceActivity.publish(VoiceActivityType.create({ event: 'start', probability: 1, detector }));
    await page.goto(consoleHandle.url);
    speech('silero');
    await page.waitForSelector('#state');
    expect(await page.textContent('#notices')).not.toContain('energy detector');
    // What audio_in publishes once Silero failed to load and the energy detector took over.
    speech('energy');
    await page.waitForSelector('#notices >> text=not silero');
    expect(await page.textContent('#notices')).toContain(NOTICE);
    expect(await page.isVisible('#notices')).toBe(true);
    // A page opened now shows it at once.
    await page.reload();
    await page.waitForSelector('#notices >> text=runs on the energy detector');
  });

  it('reconnects when the server comes back, and shows the conversation so far', async () => {
    const port = consoleHandle.port;
    await consoleHandle.close();
    await page.waitForSelector('body[data-connection="closed"]');
    consoleHandle = await startConsole({
      node: transport.createNode('console_restarted'),
      port,
      audioDir,
    });
    await page.waitForSelector('body[data-connection="open"]');
    // The new console node got the current state (transient local) and a fresh, empty history.
    await page.waitForSelector('#state[data-state="listening"]');
    await page.fill('#text', 'Are you still there?');
    await page.click('#send');
    await page.waitForSelector('.message.user >> text=Are you still there?');
    await waitUntil(() => robot.transcripts.length === 2);
    expect(robot.transcripts[1]?.text).toBe('Are you still there?');
  });

  it('names the port and the fix when the port is taken', async () => {
    const node = transport.createNode('console_second');
    await expect(startConsole({ node, port: consoleHandle.port, audioDir })).rejects.toThrow(
      ConsolePortInUseError,
    );
  });
});
