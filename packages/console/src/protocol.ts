/**
 * The console's websocket protocol: what the server pushes to browsers and what browsers may
 * send. Field names are camelCase here (the page's JavaScript reads them); the graph's messages
 * stay snake_case and are converted in views.ts.
 */

/** The dialogue machine's state, as the page shows it. */
export interface StateView {
  readonly state: string;
  readonly previousState: string;
  readonly event: string;
  readonly sessionId: string;
  readonly turnIndex: number;
}

/** A sentence the robot starts (or ends) speaking. */
export interface SpeechView {
  readonly kind: 'start' | 'end';
  readonly utteranceId: string;
  readonly text: string;
  /** `/audio/<file>.wav` when the sentence's WAV lies in the console's audio folder, else null. */
  readonly audioUrl: string | null;
}

export interface GestureView {
  readonly name: string;
  readonly reason: string;
  readonly intensity: number;
  readonly sentence: string;
}

export interface TurnView {
  readonly sessionId: string;
  readonly turnIndex: number;
  readonly userText: string;
  readonly replyText: string;
  readonly strategy: string;
  readonly gestures: readonly string[];
  readonly audioUrl: string | null;
  readonly interrupted: boolean;
  readonly fallback: boolean;
}

/** Everything a newly connected browser needs to draw the page as it is now. */
export interface ConsoleSnapshot {
  readonly state: StateView | null;
  readonly notices: readonly string[];
  /** The most recent turns, oldest first, so a reloaded page shows the conversation so far. */
  readonly turns: readonly TurnView[];
  /** The longest message the server accepts, so the page can stop the person typing more. */
  readonly maxTextLength: number;
}

export type ErrorCode =
  'invalid_json' | 'invalid_message' | 'text_too_long' | 'wake_failed' | 'internal';

export type ServerMessage =
  | { readonly type: 'snapshot'; readonly snapshot: ConsoleSnapshot }
  | { readonly type: 'state'; readonly state: StateView }
  | { readonly type: 'user'; readonly text: string }
  | { readonly type: 'speech'; readonly speech: SpeechView }
  | { readonly type: 'gesture'; readonly gesture: GestureView }
  | { readonly type: 'turn'; readonly turn: TurnView }
  | { readonly type: 'wake'; readonly accepted: boolean; readonly state: string }
  | { readonly type: 'error'; readonly code: ErrorCode; readonly message: string };

export type ClientMessage =
  { readonly type: 'say'; readonly text: string } | { readonly type: 'wake' };

export type ParseResult =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/**
 * Validates one frame from a browser. Anything a browser sends is untrusted: the frame must be a
 * JSON object of a known type, and `say` text a non-blank string of at most `maxTextLength`
 * characters (after trimming).
 */
export function parseClientMessage(raw: string, maxTextLength: number): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      code: 'invalid_json',
      message: 'The message is not JSON; send {"type":"say","text":"..."}.',
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      code: 'invalid_message',
      message: 'The message must be a JSON object with a "type".',
    };
  }
  const record = value as Record<string, unknown>;
  switch (record['type']) {
    case 'wake':
      return { ok: true, message: { type: 'wake' } };
    case 'say': {
      const text = record['text'];
      if (typeof text !== 'string') {
        return { ok: false, code: 'invalid_message', message: '"say" needs a "text" string.' };
      }
      const trimmed = text.trim();
      if (trimmed.length === 0) {
        return { ok: false, code: 'invalid_message', message: 'Type something before sending.' };
      }
      if (trimmed.length > maxTextLength) {
        return {
          ok: false,
          code: 'text_too_long',
          message: `The message has ${trimmed.length} characters; the limit is ${maxTextLength}. Send a shorter one.`,
        };
      }
      return { ok: true, message: { type: 'say', text: trimmed } };
    }
    default:
      return {
        ok: false,
        code: 'invalid_message',
        message: `Unknown message type ${JSON.stringify(record['type'])}; expected "say" or "wake".`,
      };
  }
}
