import { afterEach, describe, expect, it } from '@jest/globals';
import { createInProcessTransport, LogCapture, Qos, type GraphTransport } from '@hearth/graph';
import { Topics, TranscriptType, type Transcript } from '@hearth/interfaces';
import {
  SttNode,
  TranscriptListeners,
  UnknownSttEngineError,
  type SpeechToTextEngine,
} from '../src/index.js';
import { until } from './support/graph.js';

describe('SttNode', () => {
  let transport: GraphTransport | undefined;
  afterEach(async () => {
    await transport?.shutdown();
    transport = undefined;
  });

  function graph(): GraphTransport {
    transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
    return transport;
  }

  it('republishes typed text as a final transcript, and ignores blank lines', async () => {
    const t = graph();
    const stt = new SttNode(t.createNode('stt', { parameterOverrides: { language: 'fr-FR' } }));
    const tester = t.createNode('tester');
    const heard: Transcript[] = [];
    tester.createSubscription(TranscriptType, Topics.transcript, (m) => heard.push(m), Qos.events);
    const typed = tester.createPublisher(TranscriptType, Topics.typedText, Qos.events);
    typed.publish(TranscriptType.create({ text: '   ', source: 'typed' }));
    typed.publish(TranscriptType.create({ text: ' Bonjour Hearth ', source: 'typed' }));
    typed.publish(TranscriptType.create({ text: 'hello', language: 'en-GB', source: 'typed' }));
    await until('two transcripts', () => heard.length === 2);
    expect(
      heard.map(({ text, is_final, confidence, language, source }) => ({
        text,
        is_final,
        confidence,
        language,
        source,
      })),
    ).toEqual([
      { text: 'Bonjour Hearth', is_final: true, confidence: 1, language: 'fr-FR', source: 'typed' },
      { text: 'hello', is_final: true, confidence: 1, language: 'en-GB', source: 'typed' },
    ]);
    expect(stt.engine.source).toBe('typed');
    stt.dispose();
  });

  it('publishes partial and final results of any engine', async () => {
    const t = graph();
    const listenersHolder: { emit?: TranscriptListeners['emit'] } = {};
    const engine = (): SpeechToTextEngine => {
      const listeners = new TranscriptListeners(t.createNode('scratch').logger);
      listenersHolder.emit = (speech) => listeners.emit(speech);
      return {
        source: 'local',
        start: () => undefined,
        stop: () => undefined,
        onTranscript: (l) => listeners.add(l),
        dispose: () => listeners.clear(),
      };
    };
    const stt = new SttNode(t.createNode('stt', { parameterOverrides: { engine: 'local' } }), {
      engines: { local: engine },
    });
    const heard: Transcript[] = [];
    t.createNode('tester').createSubscription(
      TranscriptType,
      Topics.transcript,
      (m) => heard.push(m),
      Qos.events,
    );
    listenersHolder.emit?.({ text: 'I feel', isFinal: false, confidence: 0.4, language: 'en-US' });
    listenersHolder.emit?.({
      text: 'I feel fine',
      isFinal: true,
      confidence: 0.9,
      language: 'en-US',
    });
    await until('two transcripts', () => heard.length === 2);
    expect(heard.map((m) => [m.text, m.is_final, m.source])).toEqual([
      ['I feel', false, 'local'],
      ['I feel fine', true, 'local'],
    ]);
    stt.dispose();
  });

  it('refuses an engine it does not know, naming the choices', () => {
    const t = graph();
    expect(
      () => new SttNode(t.createNode('stt', { parameterOverrides: { engine: 'kaldi' } })),
    ).toThrow(/engine.*typed.*azure.*local/s);
    expect(() => new SttNode(t.createNode('stt2'), { engines: {} })).toThrow(UnknownSttEngineError);
  });
});
