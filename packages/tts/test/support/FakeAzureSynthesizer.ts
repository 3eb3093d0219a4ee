/**
 * A faithful fake of the SDK's SpeechSynthesizer, as far as AzureTtsEngine uses it: it plays
 * a scripted event sequence through the same callbacks, with the SDK's own event and
 * result classes, asynchronously as the service would (events then the completion callback).
 * close() drops the "connection": nothing is delivered afterwards, as with the real SDK.
 */
import {
  ResultReason,
  SpeechSynthesisBoundaryType,
  SpeechSynthesisEventArgs,
  SpeechSynthesisResult,
  SpeechSynthesisVisemeEventArgs,
  SpeechSynthesisWordBoundaryEventArgs,
  type SpeechSynthesizer,
} from 'microsoft-cognitiveservices-speech-sdk';
import type { AzureSynthesizer } from '../../src/engine/azure/AzureSynthesizer.js';

export type ScriptedStep =
  | { readonly type: 'audio'; readonly bytes: Buffer }
  | {
      readonly type: 'word';
      readonly text: string;
      /** Ticks of 100 ns, as the service sends them. */
      readonly audioOffset: number;
      readonly duration: number;
      readonly textOffset: number;
      readonly boundaryType: SpeechSynthesisBoundaryType;
    }
  | { readonly type: 'viseme'; readonly visemeId: number; readonly audioOffset: number }
  | { readonly type: 'completed' }
  | { readonly type: 'canceled'; readonly errorDetails: string };

export class FakeAzureSynthesizer implements AzureSynthesizer {
  synthesizing: SpeechSynthesizer['synthesizing'] = () => undefined;
  wordBoundary: SpeechSynthesizer['wordBoundary'] = () => undefined;
  visemeReceived: SpeechSynthesizer['visemeReceived'] = () => undefined;
  /** SSML of each speak call. */
  readonly spoken: string[] = [];
  closed = false;
  /** Scripted steps delivered so far. */
  delivered = 0;

  constructor(
    private readonly steps: readonly ScriptedStep[],
    /** Pause between steps, as the service streams. */
    private readonly stepMs = 5,
  ) {}

  speakSsmlAsync(
    ssml: string,
    cb?: (e: SpeechSynthesisResult) => void,
    _err?: (e: string) => void,
  ): void {
    this.spoken.push(ssml);
    void this.play(cb);
  }

  close(cb?: () => void): void {
    this.closed = true;
    cb?.();
  }

  private async play(cb?: (e: SpeechSynthesisResult) => void): Promise<void> {
    const all: Buffer[] = [];
    // The SDK has no sender to pass in a fake; the engine never reads it.
    const sender = this as unknown as SpeechSynthesizer;
    for (const step of this.steps) {
      await new Promise((resolve) => setTimeout(resolve, this.stepMs));
      if (this.closed) return;
      this.delivered++;
      switch (step.type) {
        case 'audio': {
          all.push(step.bytes);
          const chunk = step.bytes.buffer.slice(
            step.bytes.byteOffset,
            step.bytes.byteOffset + step.bytes.byteLength,
          ) as ArrayBuffer;
          this.synthesizing(
            sender,
            new SpeechSynthesisEventArgs(
              new SpeechSynthesisResult('r1', ResultReason.SynthesizingAudio, chunk),
            ),
          );
          break;
        }
        case 'word':
          this.wordBoundary(
            sender,
            new SpeechSynthesisWordBoundaryEventArgs(
              step.audioOffset,
              step.duration,
              step.text,
              step.text.length,
              step.textOffset,
              step.boundaryType,
            ),
          );
          break;
        case 'viseme':
          this.visemeReceived(
            sender,
            new SpeechSynthesisVisemeEventArgs(step.audioOffset, step.visemeId, ''),
          );
          break;
        case 'completed': {
          const audio = Buffer.concat(all);
          cb?.(
            new SpeechSynthesisResult(
              'r1',
              ResultReason.SynthesizingAudioCompleted,
              audio.buffer.slice(
                audio.byteOffset,
                audio.byteOffset + audio.byteLength,
              ) as ArrayBuffer,
            ),
          );
          return;
        }
        case 'canceled':
          cb?.(
            new SpeechSynthesisResult('r1', ResultReason.Canceled, undefined, step.errorDetails),
          );
          return;
      }
    }
  }
}

/** `ms` of 24 kHz 16-bit PCM (a quiet tone), as Raw24Khz16BitMonoPcm chunks carry it. */
export function pcmChunk(ms: number): Buffer {
  const samples = Math.round(24 * ms);
  const bytes = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    bytes.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 220 * i) / 24000)), i * 2);
  return bytes;
}

const word = (text: string, audioOffset: number, duration: number, textOffset: number) =>
  ({
    type: 'word',
    text,
    audioOffset,
    duration,
    textOffset,
    boundaryType: SpeechSynthesisBoundaryType.Word,
  }) as const;

/**
 * A scripted sequence for "Hello there." with en-US-AriaNeural, NOT a recording (none can be
 * made without an Azure key): it is shaped after the SDK's documented event order, in which the
 * boundaries and visemes of a stretch of speech come before its audio, the punctuation has a
 * boundary of its own, and the audio arrives in chunks. The offsets (ticks of 100 ns) and viseme
 * ids are plausible values written by hand, not measured ones.
 */
export const HELLO_THERE: readonly ScriptedStep[] = [
  word('Hello', 500_000, 3_375_000, 0),
  { type: 'viseme', visemeId: 0, audioOffset: 0 },
  { type: 'viseme', visemeId: 12, audioOffset: 500_000 },
  { type: 'viseme', visemeId: 4, audioOffset: 1_125_000 },
  { type: 'viseme', visemeId: 14, audioOffset: 1_875_000 },
  { type: 'viseme', visemeId: 8, audioOffset: 2_500_000 },
  { type: 'audio', bytes: pcmChunk(200) },
  word('there', 4_000_000, 3_000_000, 6),
  { type: 'viseme', visemeId: 17, audioOffset: 4_000_000 },
  { type: 'viseme', visemeId: 4, audioOffset: 4_750_000 },
  { type: 'viseme', visemeId: 13, audioOffset: 5_875_000 },
  {
    type: 'word',
    text: '.',
    audioOffset: 7_000_000,
    duration: 1_000_000,
    textOffset: 11,
    boundaryType: SpeechSynthesisBoundaryType.Punctuation,
  },
  { type: 'viseme', visemeId: 0, audioOffset: 7_250_000 },
  { type: 'audio', bytes: pcmChunk(400) },
  { type: 'audio', bytes: pcmChunk(300) },
  { type: 'completed' },
];
