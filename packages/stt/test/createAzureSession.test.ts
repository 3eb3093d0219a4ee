// The real SDK objects the Azure engine connects with, built without connecting: language,
// detailed output (NBest confidences), segmentation silence and a push stream that takes frames.
import { describe, expect, it } from '@jest/globals';
import { OutputFormat, PropertyId, SpeechRecognizer } from 'microsoft-cognitiveservices-speech-sdk';
import { createAzureSession } from '../src/index.js';

describe('createAzureSession', () => {
  it('configures a real SpeechRecognizer on a push stream', async () => {
    const { recognizer, stream } = createAzureSession({
      key: '0123456789abcdef0123456789abcdef',
      region: 'westeurope',
      language: 'en-GB',
      phrases: ['Hearth', 'Maya'],
      segmentationSilenceMs: 800,
    });
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
    await new Promise<void>((resolve, reject) => recognizer.close(resolve, reject));
  });
});
