import type { ChatTurn } from './ChatDriver.js';

/** Milliseconds, or null where the stage did not happen (-1 in the turn record). */
function ms(value: number): number | null {
  return value < 0 ? null : Math.round(value * 10) / 10;
}

/** The `--json` line for one turn: stable field names, documented in the cli README. */
export function turnJson(turn: ChatTurn): Record<string, unknown> {
  const r = turn.record;
  return {
    session: r.session_id,
    turn: r.turn_index,
    user: r.user_text,
    reply: r.reply_text,
    state: turn.state,
    states: r.states,
    gestures: r.gestures,
    audio: r.audio_path === '' ? null : r.audio_path,
    strategy: r.strategy === '' ? null : r.strategy,
    fallback: r.fallback,
    interrupted: r.interrupted,
    timings: {
      llmFirstToken: ms(r.llm_first_token_ms),
      llmTotal: ms(r.llm_total_ms),
      ttsFirstAudio: ms(r.tts_first_audio_ms),
      turnTotal: ms(r.turn_total_ms),
    },
  };
}

/** The plain-text line for one turn. */
export function turnText(turn: ChatTurn): string {
  const r = turn.record;
  const gestures = r.gestures.length > 0 ? `  [${r.gestures.join(', ')}]` : '';
  return `hearth: ${r.reply_text}${gestures}`;
}
