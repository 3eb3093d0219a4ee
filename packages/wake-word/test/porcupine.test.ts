import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessTransport, LogCapture, Qos, type GraphTransport } from '@hearth/graph';
import type { PcmAudio } from '@hearth/audio';
import {
  AudioFrameType,
  timeFromMs,
  Topics,
  WakeWordType,
  type WakeWord,
} from '@hearth/interfaces';
import {
  ACCESS_KEY_ENV,
  defaultAccessKeyFile,
  keywordPhrase,
  PicovoiceAccessKeyMissingError,
  PorcupineWakeEngine,
  readPicovoiceAccessKey,
  SecretInRepositoryError,
  WakeWordNode,
  type PorcupineHandle,
  type PorcupineModule,
} from '../src/index.js';
import { speak } from './support/espeak.js';

/**
 * A fake of @picovoice/porcupine-node 4.x's interface (checked against its .d.ts by the
 * PorcupineModule type): it "hears" keyword 0 in the frame whose first sample is 1234.
 */
function fakeSdk() {
  const created: {
    accessKey: string;
    keywordPaths: string[];
    sensitivities: number[];
    options: unknown;
  }[] = [];
  const frames: number[] = [];
  let released = 0;
  class FakePorcupine implements PorcupineHandle {
    readonly frameLength = 512;
    readonly sampleRate = 16000;
    readonly version = '4.0.0-fake';
    constructor(
      accessKey: string,
      keywordPaths: string[],
      sensitivities: number[],
      options?: unknown,
    ) {
      created.push({ accessKey, keywordPaths, sensitivities, options });
    }
    process(frame: Int16Array): number {
      frames.push(frame.length);
      return frame[0] === 1234 ? 0 : -1;
    }
    release(): void {
      released++;
    }
  }
  const sdk: PorcupineModule = {
    Porcupine: FakePorcupine,
    BuiltinKeyword: { COMPUTER: 'computer' },
    getBuiltinKeywordPath: (keyword: never) => `/sdk/resources/${String(keyword)}_linux.ppn`,
  };
  return { sdk, created, frames, released: () => released };
}

describe('Porcupine adapter (against the SDK interface; the real key check is online)', () => {
  let transport: GraphTransport | undefined;
  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
  });

  it('passes keywords, sensitivities and the key to the SDK, feeds 512-sample frames, publishes hits', async () => {
    transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
    const fake = fakeSdk();
    const heard: WakeWord[] = [];
    const tester = transport.createNode('tester');
    tester.createSubscription(WakeWordType, Topics.wakeWord, (m) => heard.push(m), Qos.events);
    const audio = tester.createPublisher(AudioFrameType, Topics.audioIn, Qos.sensorData);
    const node = new WakeWordNode(
      transport.createNode('wake_word', {
        parameterOverrides: {
          engine: 'porcupine',
          porcupine_keywords: ['computer', '/keys/hey-hearth_en_linux_v3_0_0.ppn'],
          porcupine_sensitivities: [0.7],
          porcupine_device: 'cpu:1',
        },
      }),
      {
        engines: {
          porcupine: (context) =>
            new PorcupineWakeEngine(context, {
              load: () => Promise.resolve(fake.sdk),
              accessKey: () => Promise.resolve('test-key'),
            }),
        },
      },
    );
    await node.engine.start();
    expect(fake.created).toEqual([
      {
        accessKey: 'test-key',
        keywordPaths: ['/sdk/resources/computer_linux.ppn', '/keys/hey-hearth_en_linux_v3_0_0.ppn'],
        sensitivities: [0.7, 0.5],
        options: { device: 'cpu:1' },
      },
    ]);
    expect((node.engine as PorcupineWakeEngine).phrases).toEqual(['computer', 'hey hearth']);
    // 30 ms frames (480 samples) are re-cut into Porcupine's 512; the third 512 starts with 1234.
    for (let i = 0; i < 5; i++) {
      const samples = Array.from({ length: 480 }, (_, j) => (i * 480 + j === 1024 ? 1234 : 0));
      audio.publish(
        AudioFrameType.create({
          stamp: { sec: 100, nanosec: i * 30e6 },
          sample_rate: 16000,
          channels: 1,
          samples,
        }),
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.frames).toEqual([512, 512, 512, 512]);
    expect(heard.map((w) => [w.phrase, w.engine, w.barge_in])).toEqual([
      ['computer', 'porcupine', false],
    ]);
    node.dispose();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.released()).toBe(1);
  });

  it('never lets the SDK quote the AccessKey into an error', async () => {
    transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
    const sdk: PorcupineModule = {
      ...fakeSdk().sdk,
      Porcupine: class {
        constructor(accessKey: string) {
          throw new Error(`Failed to parse AccessKey \`${accessKey}\`.`);
        }
      } as unknown as PorcupineModule['Porcupine'],
    };
    const engine = new PorcupineWakeEngine(
      { node: transport.createNode('wake_word'), phrase: () => 'x' },
      { load: () => Promise.resolve(sdk), accessKey: () => Promise.resolve('s3cr3t-key') },
    );
    const failure = engine.start();
    await expect(failure).rejects.toThrow('Failed to parse AccessKey `<AccessKey>`');
    await failure.catch((error: Error) => expect(error.message).not.toContain('s3cr3t'));
  });

  it('names keyword files by their phrase', () => {
    expect(keywordPhrase('/k/hey-hearth_en_raspberry-pi_v3_0_0.ppn')).toBe('hey hearth');
    expect(keywordPhrase('jarvis')).toBe('jarvis');
  });

  it('runs for real only with a key: hears espeak-ng say "porcupine", and not another phrase', async () => {
    if (!process.env[ACCESS_KEY_ENV]) {
      console.log(
        `Porcupine real run skipped: ${ACCESS_KEY_ENV} is not set (the SDK checks the key online).`,
      );
      return;
    }
    transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
    const heard: WakeWord[] = [];
    const tester = transport.createNode('tester');
    tester.createSubscription(WakeWordType, Topics.wakeWord, (m) => heard.push(m), Qos.events);
    const audio = tester.createPublisher(AudioFrameType, Topics.audioIn, Qos.sensorData);
    const node = new WakeWordNode(
      transport.createNode('wake_word', {
        parameterOverrides: {
          engine: 'porcupine',
          porcupine_keywords: ['porcupine'],
          // espeak-ng's voice is far from the human recordings Porcupine learned from.
          porcupine_sensitivities: [0.8],
        },
      }),
    );
    try {
      await node.engine.start();
      let sentMs = 0;
      /** Publishes 30 ms frames (with half a second of silence around the speech), paced lightly. */
      const feed = async (speech: PcmAudio): Promise<void> => {
        const silence = new Int16Array(8000);
        const all = Int16Array.from([...silence, ...speech.samples, ...silence]);
        for (let at = 0; at < all.length; at += 480) {
          audio.publish(
            AudioFrameType.create({
              stamp: timeFromMs(1_000_000 + sentMs),
              sample_rate: 16000,
              channels: 1,
              samples: Array.from(all.subarray(at, at + 480)),
            }),
          );
          sentMs += 30;
          if ((at / 480) % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      };
      const voice = { voice: 'en-us', speed: 140, pitch: 50 };
      await feed(await speak('porcupine', voice));
      await feed(await speak('porcupine', voice));
      const hits = heard.length;
      console.log(`Porcupine heard espeak-ng's "porcupine" ${hits} times out of 2`);
      expect(hits).toBeGreaterThanOrEqual(1);
      expect(heard.every((w) => w.phrase === 'porcupine' && w.engine === 'porcupine')).toBe(true);
      await feed(await speak('Good morning, how did you sleep last night?', voice));
      expect(heard).toHaveLength(hits);
    } finally {
      node.dispose();
    }
  }, 30_000);
});

describe('the Picovoice AccessKey', () => {
  it('comes from the environment first, then a file outside the working tree', async () => {
    expect(await readPicovoiceAccessKey({ env: { [ACCESS_KEY_ENV]: ' k1 \n' } })).toBe('k1');
    const outside = await mkdtemp(join(tmpdir(), 'hearth-secret-'));
    const file = join(outside, 'key');
    await writeFile(file, 'k2\n');
    expect(await readPicovoiceAccessKey({ env: {}, keyFile: file, workTree: '/work/main' })).toBe(
      'k2',
    );
  });

  it('refuses a key file inside the working tree, and says where to put one, never the key', async () => {
    const tree = await mkdtemp(join(tmpdir(), 'hearth-tree-'));
    const inTree = join(tree, 'key');
    await writeFile(inTree, 'secret-value');
    await expect(
      readPicovoiceAccessKey({ env: {}, keyFile: inTree, workTree: tree }),
    ).rejects.toThrow(SecretInRepositoryError);
    const missing = readPicovoiceAccessKey({
      env: {},
      keyFile: join(tmpdir(), 'no-such-key'),
      workTree: tree,
    });
    await expect(missing).rejects.toThrow(PicovoiceAccessKeyMissingError);
    await expect(missing).rejects.toThrow(/PICOVOICE_ACCESS_KEY/);
    await readPicovoiceAccessKey({ env: {}, keyFile: inTree, workTree: tree }).catch(
      (error: Error) => expect(error.message).not.toContain('secret-value'),
    );
  });

  describe('run from / or from $HOME (a temporary HOME)', () => {
    const saved = { home: process.env.HOME, cwd: process.cwd() };
    let home = '';
    beforeEach(async () => {
      home = await mkdtemp(join(tmpdir(), 'hearth-home-'));
      process.env.HOME = home;
      await mkdir(join(home, '.config', 'hearth'), { recursive: true });
      await writeFile(join(home, '.config', 'hearth', 'picovoice_access_key'), 'home-key\n');
    });
    afterEach(async () => {
      process.chdir(saved.cwd);
      if (saved.home === undefined) delete process.env.HOME;
      else process.env.HOME = saved.home;
      await rm(home, { recursive: true, force: true });
    });

    it('reads ~/.config/hearth/picovoice_access_key with the current directory at /', async () => {
      process.chdir('/');
      expect(defaultAccessKeyFile()).toBe(join(home, '.config', 'hearth', 'picovoice_access_key'));
      expect(await readPicovoiceAccessKey({ env: {} })).toBe('home-key');
    });

    it('reads it with the current directory at $HOME', async () => {
      process.chdir(home);
      expect(await readPicovoiceAccessKey({ env: {} })).toBe('home-key');
    });

    it("refuses it when the key file's own folder is in a git work tree, wherever Hearth runs", async () => {
      await mkdir(join(home, '.config', '.git'));
      process.chdir('/');
      const refused = readPicovoiceAccessKey({ env: {} });
      await expect(refused).rejects.toThrow(SecretInRepositoryError);
      await expect(refused).rejects.toThrow(`inside the repository ${join(home, '.config')}`);
      await refused.catch((error: Error) => expect(error.message).not.toContain('home-key'));
    });
  });
});
