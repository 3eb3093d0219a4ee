/**
 * Active listening: small nods while the person speaks, on pauses in their speech, without
 * taking the turn. A pure function of events, so that any source of voice activity can drive
 * it: today partial transcripts (each one is speech) and a timer (silence checks); a VAD topic
 * later maps its speech and silence to the same events.
 */

export type ListeningEvent =
  /** The person is speaking (a partial transcript, or VAD speech). */
  | { readonly kind: 'speech'; readonly atMs: number }
  /** A check that no speech came since the last; the node schedules one `pauseMs` after speech. */
  | { readonly kind: 'silence'; readonly atMs: number }
  /** The utterance is over (final transcript): the robot is about to take the turn. */
  | { readonly kind: 'final'; readonly atMs: number }
  /** The dialogue entered (true) or left (false) a listening state. */
  | { readonly kind: 'listening'; readonly listening: boolean; readonly atMs: number };

export interface ListeningState {
  readonly listening: boolean;
  /** When the person last spoke in the current utterance; undefined before speech or after final. */
  readonly lastSpeechMs: number | undefined;
  readonly lastCueMs: number | undefined;
  /** Whether this pause already had its cue (one nod per pause). */
  readonly cuedThisPause: boolean;
}

export interface ListeningParams {
  /** Silence after speech that counts as a pause. */
  readonly pauseMs: number;
  /** Fewest milliseconds between two cues, so nods stay small and rare. */
  readonly minIntervalMs: number;
}

export const initialListeningState: ListeningState = {
  listening: false,
  lastSpeechMs: undefined,
  lastCueMs: undefined,
  cuedThisPause: false,
};

/** The next state, and whether to give a listening cue (a small nod) now. */
export function activeListening(
  state: ListeningState,
  event: ListeningEvent,
  params: ListeningParams,
): { readonly state: ListeningState; readonly cue: boolean } {
  switch (event.kind) {
    case 'listening':
      return {
        state: { ...initialListeningState, listening: event.listening, lastCueMs: state.lastCueMs },
        cue: false,
      };
    case 'speech':
      return { state: { ...state, lastSpeechMs: event.atMs, cuedThisPause: false }, cue: false };
    case 'final':
      return { state: { ...state, lastSpeechMs: undefined, cuedThisPause: false }, cue: false };
    case 'silence': {
      const due =
        state.listening &&
        state.lastSpeechMs !== undefined &&
        !state.cuedThisPause &&
        event.atMs - state.lastSpeechMs >= params.pauseMs &&
        (state.lastCueMs === undefined || event.atMs - state.lastCueMs >= params.minIntervalMs);
      return due
        ? { state: { ...state, cuedThisPause: true, lastCueMs: event.atMs }, cue: true }
        : { state, cue: false };
    }
  }
}
