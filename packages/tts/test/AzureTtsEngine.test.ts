import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { PcmAudio } from '@hearth/audio';
import { createInProcessTransport, LogCapture, Qos } from '@hearth/graph';
import { Actions, SayAction, SpeechEventType, Topics, type SpeechEvent } from '@hearth/interfaces';
import { azureCredentials } from '../src/engine/azure/azureCredentials.js';
import { azureSsml } from '../src/engine/azure/azureSsml.js';
import { AzureTtsEngine } from '../src/engine/azure/AzureTtsEngine.js';
import { AzureCredentialsMissingError } from '../src/errors/AzureCredentialsMissingError.js';
import { AzureSynthesisFailedError } from '../src/errors/AzureSynthesisFailedError.js';
import { SynthesisCancelledError } from '../src/errors/SynthesisCancelledError.js';
import { createTtsEngine } from '../src/node/createTtsEngine.js';
import { TtsNode } from '../src/node/TtsNode.js';
import { FakeAzureSynthesizer, HELLO_THERE } from './support/FakeAzureSynthesizer.js';

const KEY = 'test-key-0123456789abcdef';
const credentials = { key: KEY, region: 'westeurope' };
const calm = { voice: 'en-us', rate: 150, pitch: 45 };

describe('azureSsml', () => {
  it('names the voice and style, sets prosody and escapes the text', () => {
    const ssml = azureSsml('Fish & <chips> "now"', {
      voice: 'en-GB-SoniaNeural',
      style: 'gentle',
      styleDegree: 1.5,
      rate: 120,
      pitch: 60,
    });
    expect(ssml).toContain('xml:lang="en-GB"');
    expect(ssml).toContain('<voice name="en-GB-SoniaNeural">');
    expect(ssml).toContain('<mstts:express-as style="gentle" styledegree="1.5">');
    expect(ssml).toContain('<prosody rate="-20%" pitch="+5%">');
    expect(ssml).toContain('Fish &amp; &lt;chips&gt; &quot;now&quot;');
    expect(
      azureSsml('Hi', {
        voice: 'en-US-AriaNeural',
        style: '',
        styleDegree: 1,
        rate: 150,
        pitch: 50,
      }),
    ).not.toContain('express-as');
  });
});

describe('azureCredentials', () => {
  it('reads key and region from the environment, naming what is missing', () => {
    expect(azureCredentials({ AZURE_SPEECH_KEY: 'k1234', AZURE_SPEECH_REGION: 'eastus' })).toEqual({
      key: 'k1234',
      region: 'eastus',
    });
    expect(() => azureCredentials({})).toThrow(AzureCredentialsMissingError);
    expect(() => azureCredentials({ AZURE_SPEECH_KEY: 'k' })).toThrow(
      /needs AZURE_SPEECH_REGION in the environment.*espeak-ng/,
    );
  });
});

// The events are scripted after the SDK's documented order (support/FakeAzureSynthesizer.ts), not
// recorded from the service: no Azure key exists here. The real run below needs one.
describe('AzureTtsEngine (fake SDK synthesizer, scripted events)', () => {
  it('maps words, visemes and streamed audio; speaks SSML with the style', async () => {
    const fake = new FakeAzureSynthesizer(HELLO_THERE);
    const engine = new AzureTtsEngine({ credentials, createSynthesizer: () => fake });
    const streamed: PcmAudio[] = [];
    const synthesis = await engine.synthesize('Hello there.', {
      ...calm,
      onAudio: (chunk) => streamed.push(chunk),
    });
    expect(synthesis.words).toEqual([
      { text: 'Hello', offsetMs: 50, durationMs: 338 },
      { text: 'there', offsetMs: 400, durationMs: 300 },
    ]);
    expect(synthesis.visemes.map((v) => v.viseme)).toEqual([
      '0',
      '12',
      '4',
      '14',
      '8',
      '17',
      '4',
      '13',
      '0',
    ]);
    expect(synthesis.visemes.map((v) => v.offsetMs)).toEqual([
      0, 50, 113, 188, 250, 400, 475, 588, 725,
    ]);
    expect(synthesis.audio.sampleRate).toBe(24000);
    expect(synthesis.durationMs).toBeCloseTo(900, 0);
    expect(streamed.map((c) => c.samples.length)).toEqual([4800, 9600, 7200]);
    expect(fake.spoken[0]).toContain('<voice name="en-US-AriaNeural">');
    expect(fake.spoken[0]).toContain('style="empathetic"');
    expect(fake.closed).toBe(true);
  });

  it('uses the voice given when it is an Azure voice name', async () => {
    const fake = new FakeAzureSynthesizer(HELLO_THERE, 0);
    const engine = new AzureTtsEngine({
      credentials,
      createSynthesizer: () => fake,
      style: () => '',
    });
    await engine.synthesize('Hello there.', { ...calm, voice: 'en-GB-RyanNeural' });
    expect(fake.spoken[0]).toContain('<voice name="en-GB-RyanNeural">');
    expect(fake.spoken[0]).not.toContain('express-as');
  });

  it('stops on cancel mid-stream and closes the synthesizer', async () => {
    const fake = new FakeAzureSynthesizer(HELLO_THERE, 20);
    const engine = new AzureTtsEngine({ credentials, createSynthesizer: () => fake });
    const controller = new AbortController();
    let abortedAt = 0;
    const synthesizing = engine.synthesize('Hello there.', {
      ...calm,
      signal: controller.signal,
      onAudio: () => {
        abortedAt = performance.now();
        controller.abort();
      },
    });
    await expect(synthesizing).rejects.toThrow(SynthesisCancelledError);
    // The rejection comes from the abort handler itself; the bound only allows for a busy machine.
    expect(performance.now() - abortedAt).toBeLessThan(250);
    expect(fake.closed).toBe(true);
    // The first audio chunk is step 7 of 16: closing stopped the rest of the stream.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.delivered).toBe(7);
  });

  it('reports a cancelled synthesis with the fix, never the key', async () => {
    const fake = new FakeAzureSynthesizer([
      {
        type: 'canceled',
        errorDetails: `WebSocket upgrade failed: Authentication error (401) for key ${KEY}. Please check subscription information and region name.`,
      },
    ]);
    const engine = new AzureTtsEngine({ credentials, createSynthesizer: () => fake });
    const error = await engine.synthesize('Hello.', calm).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AzureSynthesisFailedError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /Authentication error \(401\).*AZURE_SPEECH_KEY and AZURE_SPEECH_REGION/s,
    );
    expect(message).not.toContain(KEY);
    expect(message).toContain('[redacted]');
  });
});

describe('tts node with engine azure (fake SDK)', () => {
  it('publishes Azure word and viseme events through the say action', async () => {
    const audioDir = await mkdtemp(join(tmpdir(), 'hearth-tts-azure-'));
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    try {
      const node = transport.createNode('tts', {
        parameterOverrides: { engine: 'azure', audio_output: 'none' },
      });
      const engine = createTtsEngine(node, {
        env: { AZURE_SPEECH_KEY: KEY, AZURE_SPEECH_REGION: 'westeurope' },
        createAzureSynthesizer: () => new FakeAzureSynthesizer(HELLO_THERE, 0),
      });
      expect(engine.name).toBe('azure');
      const tts = new TtsNode(node, engine, { audioDir });
      const listener = transport.createNode('listener');
      const events: SpeechEvent[] = [];
      listener.createSubscription(
        SpeechEventType,
        Topics.ttsEvents,
        (e) => events.push(e),
        Qos.events,
      );
      const client = listener.createActionClient(SayAction, Actions.say);
      const { result } = await (
        await client.sendGoal(SayAction.goal.create({ utterance_id: 'az', text: 'Hello there.' }))
      ).result;
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(result).toMatchObject({ cancelled: false, words_spoken: 2, duration_ms: 900 });
      expect(events.filter((e) => e.kind === 'word').map((e) => [e.text, e.offset_ms])).toEqual([
        ['Hello', 50],
        ['there', 400],
      ]);
      expect(events.filter((e) => e.kind === 'viseme')).toHaveLength(9);
      tts.dispose();
    } finally {
      await transport.shutdown();
      await rm(audioDir, { recursive: true, force: true });
    }
  });

  it('refuses to start without credentials, naming the variables', () => {
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const node = transport.createNode('tts', { parameterOverrides: { engine: 'azure' } });
    expect(() => createTtsEngine(node, { env: {} })).toThrow(
      /AZURE_SPEECH_KEY and AZURE_SPEECH_REGION/,
    );
    void transport.shutdown();
  });
});

const hasKey = Boolean(process.env.AZURE_SPEECH_KEY && process.env.AZURE_SPEECH_REGION);

describe('AzureTtsEngine against the real service', () => {
  if (!hasKey) {
    it.skip('needs AZURE_SPEECH_KEY and AZURE_SPEECH_REGION in the environment', () => undefined);
    return;
  }
  it('synthesizes with word and viseme events', async () => {
    const synthesis = await new AzureTtsEngine().synthesize('Hello there, how are you?', calm);
    expect(synthesis.durationMs).toBeGreaterThan(500);
    expect(synthesis.words.map((w) => w.text)).toEqual(['Hello', 'there', 'how', 'are', 'you']);
    expect(synthesis.visemes.length).toBeGreaterThan(10);
    expect(synthesis.visemes.every((v) => v.offsetMs <= synthesis.durationMs)).toBe(true);
  }, 30_000);
});
