// ros4hri: the stt node publishes the person's speech on /humans/voices/<voice_id>/speech
// (hri_msgs/LiveSpeech shape) beside Hearth's own transcript topic, through the in-process graph.
import { afterEach, describe, expect, it } from '@jest/globals';
import { Qos } from '@hearth/graph';
import {
  humanVoiceSpeechTopic,
  InvalidVoiceIdError,
  LiveSpeechType,
  Topics,
  TranscriptType,
  type LiveSpeech,
  type Transcript,
} from '@hearth/interfaces';
import {
  hriLocale,
  SttNode,
  TranscriptListeners,
  type RecognizedSpeech,
  type SpeechToTextEngine,
} from '../src/index.js';
import { testGraph, until, type TestGraph } from './support/graph.js';

let graph: TestGraph | undefined;
afterEach(async () => {
  await graph?.transport.shutdown();
  graph = undefined;
});

/** An engine the test drives by hand. */
function scriptedEngine(): {
  factory: () => SpeechToTextEngine;
  say: (s: RecognizedSpeech) => void;
} {
  let listeners: TranscriptListeners | undefined;
  return {
    factory: () => {
      listeners = new TranscriptListeners(graph!.transport.createNode('scratch').logger);
      const own = listeners;
      return {
        source: 'local',
        start: () => undefined,
        stop: () => undefined,
        onTranscript: (listener) => own.add(listener),
        dispose: () => own.clear(),
      };
    },
    say: (speech) => listeners?.emit(speech),
  };
}

describe('ros4hri speech', () => {
  it('publishes partials as incremental and finals as final, beside the transcript', async () => {
    graph = testGraph();
    const engine = scriptedEngine();
    const stt = new SttNode(
      graph.transport.createNode('stt', { parameterOverrides: { engine: 'local' } }),
      {
        engines: { local: engine.factory },
      },
    );
    expect(stt.liveSpeechTopic).toBe('/humans/voices/anonymous_speaker/speech');
    const tester = graph.transport.createNode('hri_listener');
    const speech: LiveSpeech[] = [];
    const transcripts: Transcript[] = [];
    tester.createSubscription(
      LiveSpeechType,
      humanVoiceSpeechTopic('anonymous_speaker'),
      (m) => speech.push(m),
      Qos.events,
    );
    tester.createSubscription(
      TranscriptType,
      Topics.transcript,
      (m) => transcripts.push(m),
      Qos.events,
    );
    engine.say({ text: 'I feel', isFinal: false, confidence: 0, language: 'en-GB' });
    engine.say({ text: 'I feel lonely', isFinal: true, confidence: 0.82, language: 'en-GB' });
    await until('two messages each', () => speech.length === 2 && transcripts.length === 2);
    expect(
      speech.map(({ incremental, final, confidence, locale }) => ({
        incremental,
        final,
        confidence,
        locale,
      })),
    ).toEqual([
      { incremental: 'I feel', final: '', confidence: 0, locale: 'en_GB' },
      {
        incremental: '',
        final: 'I feel lonely',
        confidence: expect.closeTo(0.82, 5),
        locale: 'en_GB',
      },
    ]);
    // Both topics carry the same instant.
    expect(speech.map((m) => m.header.stamp)).toEqual(transcripts.map((m) => m.stamp));
    expect(speech[0]?.header.frame_id).toBe('');
    stt.dispose();
  });

  it('publishes typed text as a final, on the configured voice id', async () => {
    graph = testGraph();
    const stt = new SttNode(
      graph.transport.createNode('stt', { parameterOverrides: { voice_id: 'maya' } }),
    );
    const tester = graph.transport.createNode('tester');
    const speech: LiveSpeech[] = [];
    tester.createSubscription(
      LiveSpeechType,
      '/humans/voices/maya/speech',
      (m) => speech.push(m),
      Qos.events,
    );
    tester
      .createPublisher(TranscriptType, Topics.typedText, Qos.events)
      .publish(TranscriptType.create({ text: 'hello', source: 'typed' }));
    await until('speech', () => speech.length === 1);
    expect(speech[0]).toMatchObject({
      incremental: '',
      final: 'hello',
      confidence: 1,
      locale: 'en_US',
    });
    stt.dispose();
  });

  it('can be turned off, and refuses a voice id that cannot be a topic name', () => {
    graph = testGraph();
    const off = new SttNode(
      graph.transport.createNode('stt', { parameterOverrides: { ros4hri: false } }),
    );
    expect(off.liveSpeechTopic).toBeUndefined();
    off.dispose();
    expect(
      () =>
        new SttNode(
          graph!.transport.createNode('stt2', { parameterOverrides: { voice_id: 'a/b' } }),
        ),
    ).toThrow(InvalidVoiceIdError);
  });

  it('writes locales the hri_msgs way', () => {
    expect(['en-US', 'en_GB', 'fr', 'zh-Hans-CN', 'es-419', ''].map(hriLocale)).toEqual([
      'en_US',
      'en_GB',
      'fr',
      'zh_CN',
      'es_419',
      '',
    ]);
  });
});
