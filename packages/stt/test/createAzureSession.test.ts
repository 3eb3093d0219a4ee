// The real SDK objects the Azure engine connects with, built without connecting: language,
// detailed output (NBest confidences), segmentation silence, the phrase list and a push stream
// that takes frames.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  OutputFormat,
  PhraseListGrammar,
  PropertyId,
  SpeechRecognizer,
} from 'microsoft-cognitiveservices-speech-sdk';
import { createAzureSession } from '../src/index.js';

const settings = {
  key: '0123456789abcdef0123456789abcdef',
  region: 'westeurope',
  language: 'en-GB',
  phrases: ['Hearth', 'Maya'],
  segmentationSilenceMs: 800,
};

/**
 * The phrase-list part of what the SDK sends the service when recognition starts (its "DGI"),
 * built by the recognizer's own grammar builder. PhraseListGrammar has no getter; this is the
 * SDK's internal object, read through the public `internalData`, typed as far as it is used.
 */
interface SentGrammar {
  readonly groups?: readonly {
    readonly type: string;
    readonly items: readonly { text: string }[];
  }[];
}
function sentPhrases(recognizer: SpeechRecognizer): string[] {
  const internal = recognizer.internalData as {
    dynamicGrammar: { generateGrammarObject(): SentGrammar | undefined };
  };
  const grammar = internal.dynamicGrammar.generateGrammarObject();
  return (grammar?.groups ?? [])
    .filter((group) => group.type === 'Generic')
    .flatMap((group) => group.items.map((item) => item.text));
}

async function close(recognizer: SpeechRecognizer): Promise<void> {
  await new Promise<void>((resolve, reject) => recognizer.close(resolve, reject));
}

describe('createAzureSession', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('configures a real SpeechRecognizer on a push stream', async () => {
    const { recognizer, stream } = createAzureSession(settings);
    expect(recognizer).toBeInstanceOf(SpeechRecognizer);
    const real = recognizer as SpeechRecognizer;
    expect(real.speechRecognitionLanguage).toBe('en-GB');
    expect(real.outputFormat).toBe(OutputFormat.Detailed);
    expect(real.properties.getProperty(PropertyId.Speech_SegmentationSilenceTimeoutMs)).toBe('800');
    expect(real.properties.getProperty(PropertyId.SpeechServiceConnection_Region)).toBe(
      'westeurope',
    );
    stream.write(new ArrayBuffer(640));
    stream.close();
    await close(real);
  });

  it("gives the profile's phrases to the real PhraseListGrammar of this recognizer", async () => {
    const addPhrases = jest.spyOn(PhraseListGrammar.prototype, 'addPhrases');
    const { recognizer } = createAzureSession(settings);
    const real = recognizer as SpeechRecognizer;
    expect(addPhrases).toHaveBeenCalledTimes(1);
    expect(addPhrases).toHaveBeenCalledWith(['Hearth', 'Maya']);
    // Not only called: the recognizer's own grammar, which the SDK sends at the start of
    // recognition, holds them.
    expect(sentPhrases(real)).toEqual(['Hearth', 'Maya']);
    await close(real);
  });

  it('adds no phrase list when the profile has no phrases', async () => {
    const addPhrases = jest.spyOn(PhraseListGrammar.prototype, 'addPhrases');
    const { recognizer } = createAzureSession({ ...settings, phrases: [] });
    const real = recognizer as SpeechRecognizer;
    expect(addPhrases).not.toHaveBeenCalled();
    expect(sentPhrases(real)).toEqual([]);
    await close(real);
  });
});
