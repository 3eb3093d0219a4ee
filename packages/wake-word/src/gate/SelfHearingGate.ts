import type { WakeDetection } from '../engines/WakeWordEngine.js';

export interface SelfHearingGateOptions {
  /** The one phrase heard while the robot speaks (empty: none). */
  readonly bargeInPhrase: string;
  /** The robot's voice is still in the room this long after its audio ends (echo, latency). */
  readonly tailMs: number;
  /** An utterance with no end event after this long is taken as ended (a lost event). */
  readonly maxUtteranceMs?: number;
}

/** The tts events the gate reads (SpeechEvent's fields). */
export interface SpeechMark {
  readonly utterance_id: string;
  readonly kind: string;
}

interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

/** Finished utterances kept to judge detections that arrive late. */
const KEPT_SPANS = 16;

function normalizePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Self-hearing: while the robot speaks (tts `start` to `end`, plus a tail), a wake detection is
 * most likely the robot's own voice through its microphone, and is dropped, unless it is the
 * dedicated barge-in phrase, which passes marked `bargeIn`. Spans are compared with when the
 * phrase was heard (the audio's stamps), not when detection finished, so a detection that
 * completes just after the robot stops is still judged by when it was spoken.
 */
export class SelfHearingGate {
  private options: Required<SelfHearingGateOptions>;
  private readonly active = new Map<string, number>();
  private finished: Span[] = [];

  constructor(options: SelfHearingGateOptions) {
    this.options = { maxUtteranceMs: 120000, ...options };
  }

  configure(options: Partial<SelfHearingGateOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /** Follows the tts node's events: `start` and `end` of each utterance. */
  observe(event: SpeechMark, nowMs: number): void {
    if (event.kind === 'start') {
      this.active.set(event.utterance_id, nowMs);
    } else if (event.kind === 'end') {
      const startMs = this.active.get(event.utterance_id) ?? nowMs;
      this.active.delete(event.utterance_id);
      this.finished.push({ startMs, endMs: nowMs });
      if (this.finished.length > KEPT_SPANS) this.finished = this.finished.slice(-KEPT_SPANS);
    }
  }

  /** Whether the robot's voice was in the room at any time from `fromMs` to `toMs`. */
  robotSpeaking(fromMs: number, toMs: number, nowMs: number): boolean {
    for (const [id, startMs] of this.active) {
      if (nowMs - startMs > this.options.maxUtteranceMs) {
        this.active.delete(id);
        continue;
      }
      if (startMs <= toMs) return true;
    }
    return this.finished.some(
      (span) => span.startMs <= toMs && span.endMs + this.options.tailMs >= fromMs,
    );
  }

  /** The detection to publish, or undefined when it is the robot hearing itself. */
  admit(detection: WakeDetection, nowMs: number): WakeDetection | undefined {
    const heard = detection.heard ?? { startMs: nowMs, endMs: nowMs };
    if (!this.robotSpeaking(heard.startMs, heard.endMs, nowMs)) {
      return { ...detection, bargeIn: false };
    }
    const bargeIn = normalizePhrase(this.options.bargeInPhrase);
    if (bargeIn !== '' && normalizePhrase(detection.phrase) === bargeIn) {
      return { ...detection, bargeIn: true };
    }
    return undefined;
  }
}
