/**
 * `hearth start --model FILE` with a file that is not there: the error (with the fix) goes to
 * stderr, as `hearth chat`'s does, and the robot still starts, saying that it answers from its
 * built-in supportive replies.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interrupt, startSimulator } from '../support/hearthCli.js';

describe('hearth start --model with a missing file', () => {
  let child: ChildProcessWithoutNullStreams | undefined;

  afterAll(async () => {
    if (child) await interrupt(child);
  }, 30_000);

  it('reports the model on stderr and carries on with the fallback replies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-e2e-bad-model-'));
    const missing = join(dir, 'missing.gguf');
    const hearth = await startSimulator({
      model: missing,
      audioDir: join(dir, 'audio'),
      extraArgs: ['--dashboard-db', 'memory'],
    });
    child = hearth.child;
    expect(hearth.stderr()).toContain(`error: Model file not found: ${missing}.`);
    expect(hearth.stdout()).not.toContain('error:');
    expect(hearth.stdout()).toMatch(
      /note: No language model is loaded: .*missing\.gguf could not be loaded .*built-in supportive replies/,
    );
    expect(hearth.stdout()).toContain('Hearth is running.');
  }, 90_000);
});
