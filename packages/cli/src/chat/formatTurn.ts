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
    // reply, or speech the robot began itself: greeting, check_in, reprompt, caregiver_say.
    kind: r.kind === '' ? 'reply' : r.kind,
    user: r.user_text,
    reply: r.reply_text,
    state: turn.state,
    states: r.states,
    gestures: r.gestures,
    audio: r.audio_path === '' ? null : r.audio_path,
    strategy: r.strategy === '' ? null : r.strategy,
    fallback: r.fallback,
    interrupted: r.interrupted,
    // The safety screen of the person's words, and whether the output guard replaced a sentence.
    risk: { level: r.risk_level || 'none', category: r.risk_category || null },
    replyGuarded: r.reply_guarded,
    timings: {
      llmFirstToken: ms(r.llm_first_token_ms),
      llmTotal: ms(r.llm_total_ms),
      ttsFirstAudio: ms(r.tts_first_audio_ms),
      turnTotal: ms(r.turn_total_ms),
      ...(r.interrupted ? { bargeInToSilence: ms(r.barge_in_to_silence_ms) } : {}),
    },
    llm: {
      // The model file that answered, `fallback` for the built-in replies, null when none was asked.
      model: r.model === '' ? null : r.model,
      promptTokensEvaluated: r.prompt_tokens_evaluated,
      generatedTokens: r.generated_tokens,
      firstTokenMs: ms(r.llm_first_token_ms),
      tokensPerSecond: Math.round(r.tokens_per_second * 10) / 10,
      contextStrategy: r.context_strategy === '' ? null : r.context_strategy,
      fallback: r.fallback,
      strategy: r.strategy === '' ? null : r.strategy,
    },
  };
}

/** How the plain-text transcript names speech the robot began itself. */
const ROBOT_SPEECH: Record<string, string> = {
  greeting: 'greeting',
  check_in: 'check-in',
  reprompt: 're-prompt',
  caregiver_say: "caregiver's message",
};

/**
 * The plain-text line for one turn: what the robot said, whether it answers the person or speaks
 * on its own (a caregiver's words are marked so); robot speech the tts could not say is named.
 */
export function turnText(turn: ChatTurn): string {
  const r = turn.record;
  const robot = ROBOT_SPEECH[r.kind];
  if (robot !== undefined && r.reply_text === '') return `hearth: (the ${robot} could not be said)`;
  const gestures = r.gestures.length > 0 ? `  [${r.gestures.join(', ')}]` : '';
  const cut = r.interrupted ? '  (interrupted)' : '';
  const from = r.kind === 'caregiver_say' ? "  (a caregiver's words)" : '';
  return `hearth: ${r.reply_text}${from}${cut}${gestures}`;
}
