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
}

/** When a word starts in the utterance's audio. */
export interface WordTiming {
  readonly text: string;
  readonly offsetMs: number;
  readonly durationMs: number;
}

/** A mouth shape and when it starts (issue 5 fills these; engines without them leave it empty). */
export interface VisemeTiming {
  readonly viseme: string;
  readonly offsetMs: number;
}

export interface Synthesis {
  readonly audio: PcmAudio;
  readonly durationMs: number;
  readonly words: readonly WordTiming[];
  readonly visemes: readonly VisemeTiming[];
}

/** Text to speech with timing. espeak-ng today; Azure TTS (issue 5) implements the same port. */
export interface TtsEngine {
  readonly name: string;
  synthesize(text: string, options: SynthesisOptions): Promise<Synthesis>;
}
