// The local engine with a real child process: a small fake recognizer script speaking the line
// protocol (test/fixtures/fake-recognizer.mjs) is fed frames from the audio topic.
import { afterEach, describe, expect, it } from '@jest/globals';
import { Qos, type GraphNode } from '@hearth/graph';
import {
  AudioFrameType,
  Topics,
  TranscriptType,
  VoiceActivityType,
  type Transcript,
} from '@hearth/interfaces';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalRecognizerNotConfiguredError, LocalSpeechEngine, SttNode } from '../src/index.js';
import { testGraph, until, type TestGraph } from './support/graph.js';

const FAKE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fake-recognizer.mjs');

let graph: TestGraph | undefined;
let stt: SttNode | undefined;
afterEach(async () => {
  stt?.dispose();
  stt = undefined;
  await graph?.transport.shutdown();
  graph = undefined;
});

function setup(args: string[], overrides: Record<string, string | number | string[]> = {}) {
  graph = testGraph();
  const node = graph.transport.createNode('stt', {
    parameterOverrides: {
      engine: 'local',
      language: 'fr-FR',
      local_command: process.execPath,
      local_args: [FAKE, ...args],
      reconnect_initial_ms: 20,
      ...overrides,
    },
  });
  stt = new SttNode(node);
  const tester = graph.transport.createNode('tester');
  const heard: Transcript[] = [];
  tester.createSubscription(TranscriptType, Topics.transcript, (m) => heard.push(m), Qos.events);
  return { node, tester, heard, logs: graph.logs, engine: stt.engine as LocalSpeechEngine };
}

/** Publishes `ms` of a loud square wave (speech stand-in) or silence, 20 ms a frame, paced. */
async function speak(tester: GraphNode, ms: number, loud: boolean): Promise<void> {
  const audio = tester.createPublisher(AudioFrameType, Topics.audioIn, Qos.sensorData);
  for (let t = 0; t < ms; t += 20) {
    const samples = Array.from({ length: 320 }, (_, i) =>
      loud ? (i % 20 < 10 ? 8000 : -8000) : 0,
    );
    audio.publish(AudioFrameType.create({ sample_rate: 16000, channels: 1, samples }));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const running = (logs: TestGraph['logs']) =>
  logs.linesOf('stt', 'info').some((r) => r.msg === 'local recognizer running');

describe('LocalSpeechEngine with a line-protocol recognizer process', () => {
  it('publishes partial and final results; the recognizer ends utterances on silence', async () => {
    // --noise: the recognizer first prints a line outside the protocol, which is warned about.
    const { tester, heard, logs } = setup(['--lang', '{lang}', '--noise']);
    await until('the recognizer', () => running(logs));
    await speak(tester, 400, true);
    await speak(tester, 400, false);
    await until('a final', () => heard.some((m) => m.is_final));
    expect(heard.map((m) => [m.text, m.is_final, m.confidence, m.language, m.source])).toEqual([
      ['hello', false, 0, 'fr-FR', 'local'],
      ['hello robot (fr)', true, 0.75, 'fr-FR', 'local'],
    ]);
    expect(logs.linesOf('stt', 'warn').map((r) => r['reason'])).toEqual(['not JSON']);
  });

  it('ends the utterance when voice activity ends, by writing silence', async () => {
    const { tester, heard, logs } = setup([]);
    await until('the recognizer', () => running(logs));
    await speak(tester, 300, true);
    tester
      .createPublisher(VoiceActivityType, Topics.voiceActivity, Qos.events)
      .publish(VoiceActivityType.create({ event: 'end', detector: 'energy' }));
    await until('a final', () => heard.some((m) => m.is_final));
    expect(heard.filter((m) => m.is_final).map((m) => m.text)).toEqual(['hello robot (?)']);
  });

  it('restarts a recognizer that crashed, with its stderr in the error', async () => {
    const { tester, heard, logs } = setup(['--crash-after-final']);
    await until('the recognizer', () => running(logs));
    await speak(tester, 300, true);
    await speak(tester, 400, false);
    await until('the crash', () => logs.linesOf('stt', 'error').length === 1);
    const error = logs.linesOf('stt', 'error')[0];
    expect(error?.msg).toMatch(/exited with code 3.*model crashed: out of memory.*local_command/s);
    expect(error?.['restartInMs']).toBe(20);
    await until(
      'a restart',
      () =>
        logs.linesOf('stt', 'info').filter((r) => r.msg === 'local recognizer running').length ===
        2,
    );
    await speak(tester, 300, true);
    await speak(tester, 400, false);
    await until('a second final', () => heard.filter((m) => m.is_final).length === 2);
  });

  it('says what to fix when the command is missing or not configured', async () => {
    setup([], { local_command: '/nonexistent/recognizer' });
    await until('an error', () => graph!.logs.linesOf('stt', 'error').length === 1);
    expect(graph!.logs.linesOf('stt', 'error')[0]?.msg).toMatch(
      /"\/nonexistent\/recognizer" could not start.*ENOENT.*local_command/s,
    );
    stt?.dispose();
    await graph!.transport.shutdown();
    setup([], { local_command: '' });
    await until('an error', () => graph!.logs.linesOf('stt', 'error').length === 1);
    expect(graph!.logs.linesOf('stt', 'error')[0]?.['error']).toBe(
      new LocalRecognizerNotConfiguredError().name,
    );
  });
});
