// A real run against Azure Speech, only where AZURE_SPEECH_KEY and AZURE_SPEECH_REGION are set:
// a sentence synthesized with espeak-ng goes through the audio topic and the stt node, and must
// come back as a final transcript with a confidence. Skipped, saying so, everywhere else.
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWavFile } from '@hearth/audio';
import { Qos } from '@hearth/graph';
import { AudioFrameType, Topics, TranscriptType, type Transcript } from '@hearth/interfaces';
import { AZURE_KEY_VARIABLE, AZURE_REGION_VARIABLE, SttNode } from '../src/index.js';
import { testGraph, until, type TestGraph } from './support/graph.js';

const hasKey =
  Boolean(process.env[AZURE_KEY_VARIABLE]) && Boolean(process.env[AZURE_REGION_VARIABLE]);

let graph: TestGraph | undefined;
afterEach(async () => {
  await graph?.transport.shutdown();
  graph = undefined;
});

describe('Azure speech-to-text, real service', () => {
  if (!hasKey) {
    console.log(
      `Azure speech-to-text real run skipped: ${AZURE_KEY_VARIABLE} and ${AZURE_REGION_VARIABLE} are not both set.`,
    );
    it.skip(`needs ${AZURE_KEY_VARIABLE} and ${AZURE_REGION_VARIABLE}`, () => undefined);
    return;
  }

  it('recognizes an espeak-ng sentence from the audio topic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-stt-azure-'));
    try {
      const wav = join(dir, 'speech.wav');
      execFileSync('espeak-ng', [
        '-v',
        'en-us',
        '-s',
        '140',
        '-w',
        wav,
        'Hello Hearth, how are you today?',
      ]);
      const audio = await readWavFile(wav);
      graph = testGraph('warn');
      const stt = new SttNode(
        graph.transport.createNode('stt', { parameterOverrides: { engine: 'azure' } }),
      );
      const tester = graph.transport.createNode('tester');
      const heard: Transcript[] = [];
      tester.createSubscription(
        TranscriptType,
        Topics.transcript,
        (m) => heard.push(m),
        Qos.events,
      );
      const frames = tester.createPublisher(AudioFrameType, Topics.audioIn, Qos.sensorData);
      // A second of silence after the speech lets the service end the phrase.
      const samples = [...audio.samples, ...new Int16Array(16000)];
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (let i = 0; i < samples.length; i += 320) {
        frames.publish(
          AudioFrameType.create({
            sample_rate: 16000,
            channels: 1,
            samples: samples.slice(i, i + 320),
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await until('a final transcript', () => heard.some((m) => m.is_final), 30_000);
      const final = heard.find((m) => m.is_final);
      expect(final?.text).toMatch(/how are you/i);
      expect(final?.confidence).toBeGreaterThan(0);
      expect(final?.source).toBe('azure');
      expect(JSON.stringify(graph.logs.records)).not.toContain(process.env[AZURE_KEY_VARIABLE]);
      stt.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
