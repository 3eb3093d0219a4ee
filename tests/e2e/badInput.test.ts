/**
 * Bad input gets one clear message naming the thing and the fix, never a bare stack trace: a
 * bad profile stops the command (non-zero exit); a bad model does not (the robot answers from
 * its fallback replies). Each case runs the real `hearth` command.
 */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runHearth, type CliResult } from '../support/hearthCli.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-e2e-bad-'));

function expectCleanFailure(result: CliResult): void {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/^hearth: /m);
  // No stack trace and no "this is a bug" for input the user can fix.
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(result.stderr).not.toMatch(/bug in Hearth/);
}

describe('bad models', () => {
  /** A bad --model is an error naming the file and the fix, and the chat goes on with the fallback. */
  function expectFallbackChat(result: CliResult, file: string): void {
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^error: /m);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/No language model is loaded/);
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(result.stdout.trim().length).toBeGreaterThan(10);
  }

  it('names a missing model file and how to get one, and answers from the fallback', async () => {
    const missing = join(dir, 'missing.gguf');
    const result = await runHearth(['chat', '--model', missing], { input: 'hi\n' });
    expectFallbackChat(result, missing);
    expect(result.stderr).toMatch(/hearth models pull/);
  }, 120_000);

  it('names a file that is not GGUF', async () => {
    const file = join(dir, 'not-a-model.gguf');
    writeFileSync(file, 'this is a text file, not a model\n');
    const result = await runHearth(['chat', '--model', file], { input: 'hi\n' });
    expectFallbackChat(result, file);
    expect(result.stderr).toMatch(/GGUF/);
  }, 120_000);

  it('names a truncated model (an interrupted download)', async () => {
    const whole = join(dir, 'whole.gguf');
    expect((await runHearth(['models', 'make-test', '--out', whole])).code).toBe(0);
    const cut = join(dir, 'cut.gguf');
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await runHearth(['chat', '--model', cut], { input: 'hi\n' });
    expectFallbackChat(result, cut);
    expect(result.stderr).toMatch(/truncated|too short|incomplete/i);
  }, 120_000);
});

describe('bad robot profiles', () => {
  function profileWith(name: string, params: string): string {
    const profile = join(dir, name);
    mkdirSync(profile, { recursive: true });
    writeFileSync(join(profile, 'params.yaml'), params);
    copyFileSync(
      join(repoRoot, 'robot-config/default/gestures.yaml'),
      join(profile, 'gestures.yaml'),
    );
    return profile;
  }

  it('names the file, key, expected value and fix for a wrong value', async () => {
    const profile = profileWith('hot', 'llm:\n  ros__parameters:\n    temperature: hot\n');
    const result = await runHearth(['chat', '--model', 'none', '--robot', profile], {
      input: 'hi\n',
    });
    expectCleanFailure(result);
    expect(result.stderr).toContain('params.yaml');
    expect(result.stderr).toContain('temperature');
    expect(result.stderr).toMatch(/Fix:/);
  });

  it('names the file and line of broken YAML', async () => {
    const profile = profileWith('broken', 'llm:\n  ros__parameters:\n    temperature: [0.7\n');
    const result = await runHearth(['chat', '--model', 'none', '--robot', profile], {
      input: 'hi\n',
    });
    expectCleanFailure(result);
    expect(result.stderr).toContain('params.yaml');
  });

  it('says where it looked for a profile that does not exist', async () => {
    const result = await runHearth(['chat', '--robot', 'no-such-robot'], { input: 'hi\n' });
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/no-such-robot/);
  });
});

describe('busy ports and missing programs', () => {
  let blocker: Server;
  let busyPort: number;

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    busyPort = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('names a web console port already in use', async () => {
    const result = await runHearth(
      [
        'start',
        '--model',
        'none',
        '--port',
        String(busyPort),
        '--dashboard-port',
        '0',
        '--mqtt-port',
        '0',
      ],
      { timeoutMs: 60_000 },
    );
    expectCleanFailure(result);
    expect(result.stderr).toContain(String(busyPort));
  }, 60_000);

  it('names an MQTT port already in use', async () => {
    const result = await runHearth(
      [
        'start',
        '--model',
        'none',
        '--port',
        '0',
        '--dashboard-port',
        '0',
        '--mqtt-port',
        String(busyPort),
      ],
      { timeoutMs: 60_000 },
    );
    expectCleanFailure(result);
    expect(result.stderr).toContain(String(busyPort));
    expect(result.stderr).toMatch(/--mqtt-port/);
  }, 60_000);

  it('says how to install espeak-ng when it is missing', async () => {
    const emptyPath = mkdtempSync(join(tmpdir(), 'hearth-empty-path-'));
    // Neither the library (the tts engine's first choice) nor the command line: with either one
    // the robot speaks (a robot with only libespeak-ng needs no espeak-ng binary).
    const result = await runHearth(['chat', '--model', 'none'], {
      input: 'hi\n',
      env: { PATH: emptyPath, HEARTH_LIBESPEAK_NG: join(emptyPath, 'libespeak-ng.so.1') },
    });
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/espeak-ng/);
    expect(result.stderr).toMatch(/apt-get install espeak-ng|npm run setup/);
  });
});
