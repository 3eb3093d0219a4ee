import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidWakeTemplateError } from '@hearth/wake-word';
import { wakewordDetectCommand, wakewordEnrollCommand } from '../src/commands/wakeword.js';
import { captureOutput } from './support/captureOutput.js';

/** espeak-ng writes 22050 Hz WAV files: the command converts them. */
function speakTo(path: string, text: string, voice: string, speed: number): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('espeak-ng', ['-w', path, '-v', voice, '-s', String(speed), text], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}

describe('hearth wakeword enroll / detect', () => {
  it('enrolls from three WAV files and detects the phrase with time and score (--json)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-cli-wake-'));
    const takes = [
      ['en-us', 160],
      ['en-gb', 140],
      ['en-us+f3', 180],
    ] as const;
    const enrollFiles = takes.map((_, i) => join(dir, `take${i}.wav`));
    const wake = join(dir, 'wake.wav');
    const other = join(dir, 'other.wav');
    const confusable = join(dir, 'hey-heart.wav');
    await Promise.all([
      speakTo(confusable, 'hey heart', 'en-us', 160),
      ...takes.map(([voice, speed], i) =>
        speakTo(enrollFiles[i] as string, 'hey hearth', voice, speed),
      ),
      speakTo(wake, 'hey hearth', 'en-us+m3', 165),
      speakTo(other, 'what a lovely morning', 'en-us+m3', 165),
    ]);
    const model = join(dir, 'hey-hearth.json');
    const enrolled = captureOutput();
    expect(
      await wakewordEnrollCommand(
        enrollFiles,
        { out: model, phrase: 'hey hearth', negative: [confusable] },
        enrolled.out,
      ),
    ).toBe(0);
    expect(enrolled.text()).toMatch(
      /Enrolled "hey hearth" from 3 recordings .*take0\.wav \d+ ms.* and 1 negative\(s\)/,
    );
    const file = JSON.parse(await readFile(model, 'utf8')) as {
      phrase: string;
      templates: unknown[];
      negatives: { source: string }[];
    };
    expect(file.phrase).toBe('hey hearth');
    expect(file.templates).toHaveLength(3);
    expect(file.negatives.map((n) => n.source)).toEqual(['hey-heart.wav']);

    const detected = captureOutput();
    await wakewordDetectCommand(
      [wake, other, confusable],
      { model, json: true, negativeMargin: '0' },
      detected.out,
    );
    const lines = detected
      .text()
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { file: string; detections: { timeMs: number; score: number }[] },
      );
    expect(lines.map((l) => l.file)).toEqual([wake, other, confusable]);
    expect(lines[0]?.detections).toHaveLength(1);
    expect(lines[0]?.detections[0]?.score).toBeGreaterThan(0.75);
    expect(lines[0]?.detections[0]?.timeMs).toBeGreaterThan(300);
    expect(lines[1]?.detections).toEqual([]);
    // The enrolled negative itself: its own template matches it best, so it is refused.
    expect(lines[2]?.detections).toEqual([]);

    const plain = captureOutput();
    await wakewordDetectCommand([other], { model, json: false }, plain.out);
    expect(plain.text()).toBe(`${other}: no detection\n`);
  });

  it('refuses a file that is not a template, and too few recordings, saying what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-cli-wake-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"format":"something else"}');
    await expect(
      wakewordDetectCommand([], { model: bad, json: false }, captureOutput().out),
    ).rejects.toThrow(InvalidWakeTemplateError);
    const one = join(dir, 'one.wav');
    await speakTo(one, 'hey hearth', 'en-us', 160);
    await expect(
      wakewordEnrollCommand(
        [one],
        { out: join(dir, 'x.json'), phrase: 'hey hearth' },
        captureOutput().out,
      ),
    ).rejects.toThrow(/1 recording\(s\) given; record the phrase 3 to 5 times/);
  });
});
