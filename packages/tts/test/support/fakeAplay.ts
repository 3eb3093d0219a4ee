/**
 * A stand-in for ALSA's aplay (there is no sound card here), written as an executable script in
 * a folder of its own: put the folder first on PATH, or pass the script as the sink's binary.
 * Like aplay it reads raw 16-bit mono PCM on stdin, says "Playing raw data ..." on stderr once
 * its device is open (after `latencyMs`), then consumes the audio at the real rate (one 20 ms
 * chunk every 20 ms) and exits 0. `-D missing` fails as aplay does on an unknown device.
 */
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeAplayOptions {
  /** How long it takes to "open the device" before it says Playing. Default 150 ms. */
  readonly latencyMs?: number;
}

/** Settings are written into the script: jest's process.env does not reach child processes. */
const script = (
  latencyMs: number,
  pidFile: string,
  playingFile: string,
): string => `#!${process.execPath}
const args = process.argv.slice(2);
require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
const device = args.includes('-D') ? args[args.indexOf('-D') + 1] : 'default';
if (device === 'missing') {
  process.stderr.write('aplay: main:831: audio open error: No such file or directory\\n');
  process.exit(1);
}
const rate = Number(args[args.indexOf('-r') + 1]);
const chunkBytes = Math.round(rate * 0.02) * 2;
const latency = ${latencyMs};
setTimeout(() => {
  require('node:fs').writeFileSync(${JSON.stringify(playingFile)}, String(Date.now()));
  process.stderr.write("Playing raw data 'stdin' : Signed 16 bit Little Endian, Rate " + rate + ' Hz, Mono\\n');
  let ended = false;
  process.stdin.on('end', () => { ended = true; });
  const tick = setInterval(() => {
    const chunk = process.stdin.read(chunkBytes) ?? process.stdin.read();
    if (chunk === null && ended) { clearInterval(tick); process.exit(0); }
  }, 20);
}, latency);
process.stdin.pause();
`;

/**
 * Writes the fake into a new folder; returns the folder, the script's path and the file where
 * each run writes its pid, and the one where it writes when it started playing (epoch ms).
 */
export async function installFakeAplay(
  options: FakeAplayOptions = {},
): Promise<{ dir: string; path: string; pidFile: string; playingFile: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'hearth-fake-aplay-'));
  const path = join(dir, 'aplay');
  const pidFile = join(dir, 'pid');
  const playingFile = join(dir, 'playing-since');
  await writeFile(path, script(options.latencyMs ?? 150, pidFile, playingFile));
  await chmod(path, 0o755);
  return { dir, path, pidFile, playingFile };
}
