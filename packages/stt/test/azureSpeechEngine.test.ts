// The Azure engine against a faithful fake of the SDK's recognizer, driven by event sequences
// in the shape SDK 1.52 delivers them (test/fixtures/azure): partials, finals with NBest
// confidence, NoMatch, cancellations with error codes, and sessions the service ends.
import { afterEach, describe, expect, it } from '@jest/globals';
import { Qos, type GraphNode } from '@hearth/graph';
import { AudioFrameType, Topics, TranscriptType, type Transcript } from '@hearth/interfaces';
import {
  AzureAuthenticationError,
  AzureCredentialsError,
  AzureSpeechEngine,
  readAzureCredentials,
  SttNode,
  type RecognizedSpeech,
} from '../src/index.js';
import { FakeAzureService, loadSequence, ManualTimers } from './support/FakeAzureRecognizer.js';
import { testGraph, until, type TestGraph } from './support/graph.js';

const KEY = '0123456789abcdef0123456789abcdef';
const ENV = { AZURE_SPEECH_KEY: KEY, AZURE_SPEECH_REGION: 'westeurope' };

let graph: TestGraph | undefined;
afterEach(async () => {
  await graph?.transport.shutdown();
  graph = undefined;
});

function setup(overrides: Record<string, string | number | string[]> = {}) {
  graph = testGraph();
  const service = new FakeAzureService();
  const timers = new ManualTimers();
  const node = graph.transport.createNode('stt', {
    parameterOverrides: { engine: 'azure', person_names: ['Maya', 'Tom'], ...overrides },
  });
  const stt = new SttNode(node, {
    engines: {
      azure: (context) =>
        new AzureSpeechEngine(context, { createSession: service.createSession, env: ENV, timers }),
    },
  });
  const engine = stt.engine as AzureSpeechEngine;
  const heard: Transcript[] = [];
  const tester = graph.transport.createNode('tester');
  tester.createSubscription(TranscriptType, Topics.transcript, (m) => heard.push(m), Qos.events);
  return { service, timers, stt, engine, heard, tester, node, logs: graph.logs };
}

const view = (m: Transcript) => [m.text, m.is_final, m.confidence, m.language, m.source];

describe('AzureSpeechEngine', () => {
  it('publishes partials and finals with NBest confidence, and ignores NoMatch', async () => {
    const { service, heard, stt } = setup();
    await until(
      'a session',
      () => service.sessions.length === 1 && service.latest.recognizer.started,
    );
    expect(service.latest.settings).toEqual({
      key: KEY,
      region: 'westeurope',
      language: 'en-US',
      phrases: ['Hearth', 'Maya', 'Tom'],
      segmentationSilenceMs: 0,
    });
    await service.latest.recognizer.play(loadSequence('speech-and-no-match'));
    await until('six transcripts', () => heard.length === 6);
    expect(heard.map(view)).toEqual([
      ['how', false, 0, 'en-US', 'azure'],
      ['how are you', false, 0, 'en-US', 'azure'],
      ['How are you?', true, expect.closeTo(0.8731, 4), 'en-US', 'azure'],
      ['hearth', false, 0, 'en-US', 'azure'],
      ['hearth i feel tired', false, 0, 'en-US', 'azure'],
      ['Hearth, I feel tired.', true, expect.closeTo(0.9214, 4), 'en-US', 'azure'],
    ]);
    stt.dispose();
  });

  it('feeds 16 kHz mono frames to the push stream as 16-bit little-endian PCM, dropping others', async () => {
    const { service, tester, logs } = setup();
    await until('a session', () => service.latest.recognizer.started);
    const audio = tester.createPublisher(AudioFrameType, Topics.audioIn, Qos.sensorData);
    audio.publish(
      AudioFrameType.create({ sample_rate: 16000, channels: 1, samples: [1, -2, 32767, -32768] }),
    );
    audio.publish(AudioFrameType.create({ sample_rate: 44100, channels: 2, samples: [5, 5] }));
    audio.publish(AudioFrameType.create({ sample_rate: 16000, channels: 1, samples: [7] }));
    await until('two frames', () => service.latest.stream.chunks.length === 2);
    expect(service.latest.stream.samples()).toEqual([1, -2, 32767, -32768, 7]);
    expect(logs.linesOf('stt', 'warn').map((r) => r.msg)).toEqual([
      expect.stringMatching(/not 16 kHz mono/),
    ]);
  });

  it('reconnects with doubling delays after transient failures, and resets after a result', async () => {
    const { service, timers, heard, logs } = setup();
    await until('a session', () => service.latest.recognizer.started);
    const first = service.latest;
    await first.recognizer.play(loadSequence('connection-failure'));
    expect(heard.map((m) => m.text)).toEqual(['i was']);
    expect(first.recognizer.closed).toBe(true);
    expect(first.stream.closed).toBe(true);
    expect(timers.delays()).toEqual([1000]);
    timers.fireAll();
    await until(
      'a second session',
      () => service.sessions.length === 2 && service.latest.recognizer.started,
    );
    await service.latest.recognizer.play(loadSequence('too-many-requests'));
    expect(timers.delays()).toEqual([2000]);
    timers.fireAll();
    await until(
      'a third session',
      () => service.sessions.length === 3 && service.latest.recognizer.started,
    );
    // The service ends the session after a result: the delay starts over.
    await service.latest.recognizer.play(loadSequence('service-ended-session'));
    expect(heard.at(-1)?.text).toBe('Good night.');
    expect(timers.delays()).toEqual([1000]);
    const warnings = logs.linesOf('stt', 'warn');
    expect(warnings.map((r) => r['code'])).toEqual([
      'ConnectionFailure',
      'TooManyRequests',
      'SessionStopped',
    ]);
    expect(warnings[0]?.msg).toMatch(/reconnecting/);
  });

  it('reconnects when the SDK cannot reach the service (recorded offline)', async () => {
    const { service, timers, engine } = setup();
    await until('a session', () => service.latest.recognizer.started);
    await service.latest.recognizer.play(loadSequence('offline'));
    expect(timers.delays()).toEqual([1000]);
    timers.fireAll();
    await until('a second session', () => service.sessions.length === 2);
    expect(engine.connections).toBe(2);
    expect(engine.lastError).toBeUndefined();
  });

  it('ignores late events from a session it has replaced', async () => {
    const { service, timers, heard } = setup();
    await until('a session', () => service.latest.recognizer.started);
    const first = service.latest;
    await first.recognizer.play(loadSequence('connection-failure'));
    timers.fireAll();
    await until('a second session', () => service.sessions.length === 2);
    // The closed recognizer's handlers are still attached; the engine must not act on them.
    first.recognizer.started = true;
    first.recognizer.closed = false;
    await first.recognizer.play(loadSequence('service-ended-session'));
    expect(heard.map((m) => m.text)).toEqual(['i was']);
    expect(timers.delays()).toEqual([]);
  });

  it('stops on a refused key with a typed error that names the fix and never the key', async () => {
    const { service, timers, engine, logs } = setup();
    await until('a session', () => service.latest.recognizer.started);
    await service.latest.recognizer.play(loadSequence('authentication-failure', KEY));
    expect(engine.lastError).toBeInstanceOf(AzureAuthenticationError);
    expect(engine.lastError?.message).toMatch(
      /AuthenticationFailure.*westeurope.*AZURE_SPEECH_KEY.*AZURE_SPEECH_REGION/s,
    );
    expect(engine.lastError?.message).not.toContain(KEY);
    expect(timers.delays()).toEqual([]);
    expect(service.sessions).toHaveLength(1);
    expect(service.latest.recognizer.closed).toBe(true);
    expect(logs.linesOf('stt', 'error')).toHaveLength(1);
    expect(JSON.stringify(logs.records)).not.toContain(KEY);
  });

  it('stops on a language the service refuses, pointing at the language parameter', async () => {
    const { service, timers, engine } = setup({ language: 'xx-XX' });
    await until('a session', () => service.latest.recognizer.started);
    expect(service.latest.settings.language).toBe('xx-XX');
    await service.latest.recognizer.play(loadSequence('bad-language'));
    expect(engine.lastError?.message).toMatch(/BadRequestParameters.*"language" parameter/s);
    expect(timers.delays()).toEqual([]);
  });

  it('reconnects with the new language and phrase list when they change', async () => {
    const { service, timers, node } = setup();
    await until('a session', () => service.sessions.length === 1);
    const first = service.latest.recognizer;
    await until('started', () => first.started);
    await first.play(loadSequence('connection-failure'));
    timers.fireAll();
    await until('a second session', () => service.sessions.length === 2);
    expect(
      node.setParameters({ language: 'en-GB', person_names: ['Ana'] }).every((r) => r.successful),
    ).toBe(true);
    await until('a third session', () => service.sessions.length === 3);
    expect(service.latest.settings).toMatchObject({
      language: 'en-GB',
      phrases: ['Hearth', 'Ana'],
    });
    expect(service.sessions[1]?.recognizer.closed).toBe(true);
  });

  it('reports an unreachable service at start through the backoff', async () => {
    graph = testGraph();
    const service = new FakeAzureService();
    const timers = new ManualTimers();
    const createSession: typeof service.createSession = (settings) => {
      const session = service.createSession(settings);
      session.recognizer.failStartWith = 'Unable to contact server. StatusCode: 1006';
      return session;
    };
    const context = { node: graph.transport.createNode('stt'), language: () => 'en-US' };
    const engine = new AzureSpeechEngine(context, { createSession, env: ENV, timers });
    await engine.start();
    expect(timers.delays()).toEqual([1000]);
    timers.fireAll();
    await until('a retry', () => timers.delays().length === 1 && service.sessions.length === 2);
    expect(timers.delays()).toEqual([2000]);
    expect(engine.connections).toBe(2);
    await engine.stop();
    expect(timers.delays()).toEqual([]);
    engine.dispose();
  });

  it('stops, saying why, when the SDK cannot build a recognizer on reconnecting', async () => {
    graph = testGraph();
    const service = new FakeAzureService();
    const timers = new ManualTimers();
    const createSession: typeof service.createSession = (settings) => {
      if (service.sessions.length === 1) throw new Error('invalid language tag');
      return service.createSession(settings);
    };
    const context = { node: graph.transport.createNode('stt'), language: () => 'en-US' };
    const engine = new AzureSpeechEngine(context, { createSession, env: ENV, timers });
    await engine.start();
    await service.latest.recognizer.play(loadSequence('offline'));
    timers.fireAll();
    await until('the failure', () => engine.lastError !== undefined);
    expect(engine.lastError?.message).toBe('invalid language tag');
    expect(graph.logs.linesOf('stt', 'error').map((r) => r.msg)).toEqual(['invalid language tag']);
    engine.dispose();
  });

  it('stops cleanly: stops recognition, closes the stream and the recognizer, reports nothing more', async () => {
    graph = testGraph();
    const service = new FakeAzureService();
    const heard: RecognizedSpeech[] = [];
    const context = { node: graph.transport.createNode('stt'), language: () => 'en-US' };
    const engine = new AzureSpeechEngine(context, {
      createSession: service.createSession,
      env: ENV,
    });
    engine.onTranscript((speech) => heard.push(speech));
    await engine.start();
    const { recognizer, stream } = service.latest;
    await engine.stop();
    expect([recognizer.stopped, recognizer.closed, stream.closed]).toEqual([true, true, true]);
    recognizer.started = true;
    recognizer.closed = false;
    await recognizer.play(loadSequence('speech-and-no-match'));
    expect(heard).toEqual([]);
    engine.dispose();
  });
});

describe('Azure credentials', () => {
  it('come from AZURE_SPEECH_KEY and AZURE_SPEECH_REGION', () => {
    expect(
      readAzureCredentials({ AZURE_SPEECH_KEY: ` ${KEY} `, AZURE_SPEECH_REGION: 'eastus2' }),
    ).toEqual({
      key: KEY,
      region: 'eastus2',
    });
  });

  it('are refused with typed errors that name the variables and never the key', () => {
    expect(() => readAzureCredentials({})).toThrow(
      /AZURE_SPEECH_KEY and AZURE_SPEECH_REGION not set/,
    );
    expect(() => readAzureCredentials({ AZURE_SPEECH_KEY: KEY })).toThrow(AzureCredentialsError);
    const badRegion = () =>
      readAzureCredentials({ AZURE_SPEECH_KEY: KEY, AZURE_SPEECH_REGION: 'West Europe' });
    expect(badRegion).toThrow(/"West Europe" is not a region id.*westeurope/);
    try {
      badRegion();
    } catch (error) {
      expect(String(error)).not.toContain(KEY);
    }
  });

  it('missing, make the node log why the engine did not start', async () => {
    graph = testGraph();
    const node: GraphNode = graph.transport.createNode('stt', {
      parameterOverrides: { engine: 'azure' },
    });
    const stt = new SttNode(node, {
      engines: { azure: (context) => new AzureSpeechEngine(context, { env: {} }) },
    });
    await until('an error', () => graph!.logs.linesOf('stt', 'error').length === 1);
    expect(graph.logs.linesOf('stt', 'error')[0]?.msg).toMatch(/failed to start.*AZURE_SPEECH_KEY/);
    stt.dispose();
  });
});
