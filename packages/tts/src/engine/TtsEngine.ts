import type { PcmAudio } from '@hearth/audio';

export interface SynthesisOptions {
  /** Engine voice name, e.g. `en-us` for espeak-ng. */
  readonly voice: string;
  /** Words per minute. */
  readonly rate: number;
  /** 0 to 99, 50 being the voice's normal pitch. */
  readonly pitch: number;
  /** Aborting stops synthesis at once; the promise rejects with SynthesisCancelledError. */
  readonly signal?: AbortSignal;
  /**
   * Streaming engines (Azure) call this with each piece of audio as it arrives, before the
   * promise resolves; engines that make the audio in one piece (espeak-ng) do not call it.
   */
  readonly onAudio?: (chunk: PcmAudio) => void;
  /** Streaming engines call these as word and viseme timings arrive, before the promise resolves. */
  readonly onWord?: (word: WordTiming) => void;
  readonly onViseme?: (viseme: VisemeTiming) => void;
}

/** When a word starts in the utterance's audio. */
export interface WordTiming {
  readonly text: string;
  readonly offsetMs: number;
  readonly durationMs: number;
}

/**
 * A mouth shape and when it starts. `viseme` is one of Microsoft's 22 viseme ids, `0` to `21`
 * (see engine/visemes/azureVisemes.ts), as a string so the SpeechEvent field can carry other
 * sets too; a shape lasts until the next one.
 */
export interface VisemeTiming {
  readonly viseme: string;
  readonly offsetMs: number;
}

export interface Synthesis {
  readonly audio: PcmAudio;
  readonly durationMs: number;
  readonly words: readonly WordTiming[];
  readonly visemes: readonly VisemeTiming[];
  /**
   * Where the word and viseme times come from: `events`, the engine's own boundary events
   * (libespeak-ng, Azure); `estimated`, from the audio (the espeak-ng command-line fallback).
   */
  readonly timing?: 'events' | 'estimated';
}

/** Text to speech with word and viseme timing: espeak-ng (offline) and Azure TTS. */
export interface TtsEngine {
  readonly name: string;
  synthesize(text: string, options: SynthesisOptions): Promise<Synthesis>;
  /** Frees what the engine holds (its hold on libespeak-ng's shared worker thread); the tts node calls it. */
  dispose?(): void;
}
