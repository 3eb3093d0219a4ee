import type { Disposable, GraphNode, ParameterChange, ParameterValue } from '@hearth/graph';
import { DIALOGUE_STATES } from '@hearth/interfaces';
import { DEFAULT_CANCEL_TIMEOUT_MS } from '../actors/sayActor.js';
import { InvalidDialogueParameterError } from '../errors.js';
import { isQuietHoursValue } from '../safety/quietHours.js';
import { aiNoticeWords, saysItIsAnAi } from './aiNotice.js';
import type { PersonVoiceSettings } from './PersonVoice.js';
import {
  DEFAULT_AI_NOTICE,
  DEFAULT_DIALOGUE_CONFIG,
  type DialogueConfig,
} from '../machine/types.js';

/** The dialogue node's ROS 2 parameters (names as in the robot's parameters file). */
export const DialogueParameters = {
  followUpWindowMs: 'follow_up_window_ms',
  noSpeechTimeoutMs: 'no_speech_timeout_ms',
  bargeInEnabled: 'barge_in_enabled',
  bargeInOnSpeech: 'barge_in_on_speech',
  bargeInMinSpeechMs: 'barge_in_min_speech_ms',
  bargeInEchoMarginMs: 'barge_in_echo_margin_ms',
  interruptibleStates: 'interruptible_states',
  backchannels: 'backchannels',
  goodbyePhrases: 'goodbye_phrases',
  sessionTimeoutMs: 'session_timeout_ms',
  endOfTurnSilenceMs: 'end_of_turn_silence_ms',
  endOfTurnSilenceMidSentenceMs: 'end_of_turn_silence_mid_sentence_ms',
  maxListeningMs: 'max_listening_ms',
  rePrompt: 're_prompt',
  greeting: 'greeting',
  checkInAfterMs: 'check_in_after_ms',
  checkIn: 'check_in',
  crisisMessage: 'crisis_message',
  locale: 'locale',
  aiNotice: 'ai_notice',
  quietHoursStart: 'quiet_hours_start',
  quietHoursEnd: 'quiet_hours_end',
  nudgeAfterTurns: 'nudge_after_turns',
  crisisStayIntervalMs: 'crisis_stay_interval_ms',
  respondingTimeoutMs: 'responding_timeout_ms',
  cancelTimeoutMs: 'cancel_timeout_ms',
  riskClassifierModel: 'risk_classifier_model',
  riskClassifierTimeoutMs: 'risk_classifier_timeout_ms',
} as const;

/** The robot's locale when none is set: picks the crisis message and helpline. */
export const DEFAULT_LOCALE = 'en-US';

const MAX_WINDOW_MS = 10 * 60 * 1000;

/** How long the person's voice must last to barge in (the node's PersonVoice, not the machine). */
export const DEFAULT_PERSON_VOICE: PersonVoiceSettings = { minSpeechMs: 700, echoMarginMs: 1500 };
const MAX_SESSION_MS = 24 * 60 * 60 * 1000;
const D = DEFAULT_DIALOGUE_CONFIG;

type Declaration = readonly [
  name: string,
  value: ParameterValue,
  kind: 'integer' | 'bool' | 'string' | 'string_array',
  description: string,
  range?: { min: number; max: number },
];

const declarations: readonly Declaration[] = [
  [
    DialogueParameters.followUpWindowMs,
    D.followUpWindowMs,
    'integer',
    'How long after the robot has spoken the person may answer without the wake word (ms).',
    { min: 0, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.noSpeechTimeoutMs,
    D.noSpeechTimeoutMs,
    'integer',
    'How long listening waits for speech before the re-prompt, then before sleeping (ms).',
    { min: 100, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.bargeInEnabled,
    D.bargeInEnabled,
    'bool',
    'Whether the wake word while thinking or speaking interrupts the robot.',
  ],
  [
    DialogueParameters.bargeInOnSpeech,
    D.bargeInOnSpeech,
    'bool',
    'Whether user speech (not only the wake word) interrupts; backchannels never do.',
  ],
  [
    DialogueParameters.bargeInMinSpeechMs,
    DEFAULT_PERSON_VOICE.minSpeechMs,
    'integer',
    'With barge_in_on_speech: how long the voice must last before it interrupts; shorter is a backchannel (ms).',
    { min: 0, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.bargeInEchoMarginMs,
    DEFAULT_PERSON_VOICE.echoMarginMs,
    'integer',
    'The same for a voice that began while the robot spoke: its own voice unless it lasts this long (ms).',
    { min: 0, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.interruptibleStates,
    [...D.interruptibleStates],
    'string_array',
    'States a barge-in may interrupt (thinking, speaking): known state names only; crisis is refused.',
  ],
  [
    DialogueParameters.backchannels,
    [...D.backchannels],
    'string_array',
    'Acknowledgements ("mm-hm", "okay") that neither interrupt nor start a turn while the robot speaks.',
  ],
  [
    DialogueParameters.goodbyePhrases,
    [...D.goodbyePhrases],
    'string_array',
    'Phrases that end the session after the robot has said its farewell.',
  ],
  [
    DialogueParameters.sessionTimeoutMs,
    D.sessionTimeoutMs,
    'integer',
    'An open session ends after this long asleep with no activity (ms; 0: never).',
    { min: 0, max: MAX_SESSION_MS },
  ],
  [
    DialogueParameters.endOfTurnSilenceMs,
    D.endOfTurnSilenceMs,
    'integer',
    'Silence after the last partial transcript that ends the turn (ms).',
    { min: 50, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.endOfTurnSilenceMidSentenceMs,
    D.endOfTurnSilenceMidSentenceMs,
    'integer',
    'The same when the last partial ends mid-sentence ("and", "but", a comma) (ms).',
    { min: 50, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.maxListeningMs,
    D.maxListeningMs,
    'integer',
    'Listening ends after this long whatever is heard (ms; 0: no limit).',
    { min: 0, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.rePrompt,
    D.rePrompt,
    'string',
    'Said once when nobody speaks after the wake word, before sleeping ("": none).',
  ],
  [
    DialogueParameters.greeting,
    D.greeting,
    'string',
    'Said at the start of each session, before listening ("": none).',
  ],
  [
    DialogueParameters.checkInAfterMs,
    D.checkInAfterMs,
    'integer',
    'Within a session, the robot checks in after this long asleep (ms; 0: never).',
    { min: 0, max: MAX_SESSION_MS },
  ],
  [DialogueParameters.checkIn, D.checkIn, 'string', 'What the check-in says.'],
  [
    DialogueParameters.crisisMessage,
    D.crisisMessage,
    'string',
    "Said on entering crisis only when no screened message comes with it (the safety screen sends the locale's own).",
  ],
  [
    DialogueParameters.locale,
    DEFAULT_LOCALE,
    'string',
    "The robot's locale (e.g. en-US, en-GB, fr-FR): picks the crisis message and its helpline.",
  ],
  [
    DialogueParameters.aiNotice,
    DEFAULT_AI_NOTICE,
    'string',
    "Said first at every session start: that the robot is an AI. Cannot be empty, and must say so (AI, KI, IA, artificial, robot... in the locale's language).",
  ],
  [
    DialogueParameters.quietHoursStart,
    D.quietHoursStart,
    'string',
    'Start of quiet hours, HH:MM robot local time ("": none): no check-ins, re-prompts or greetings.',
  ],
  [
    DialogueParameters.quietHoursEnd,
    D.quietHoursEnd,
    'string',
    'End of quiet hours, HH:MM robot local time ("": none); may be earlier than the start (overnight).',
  ],
  [
    DialogueParameters.crisisStayIntervalMs,
    D.crisisStayIntervalMs,
    'integer',
    "In a crisis, after its message: the person's further words get a short fixed line repeating the helpline, at most once per this many ms (no llm).",
    { min: 1000, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.nudgeAfterTurns,
    D.nudgeAfterTurns,
    'integer',
    'After this many turns in a session, one gentle nudge toward human contact (0: never).',
    { min: 0, max: 10000 },
  ],
  [
    DialogueParameters.respondingTimeoutMs,
    D.respondingTimeoutMs,
    'integer',
    'Safety net while thinking or speaking: with no answer from the llm (a sentence, the end) or the tts (the end of a sentence) for this long, the robot gives up on the reply, apologizes and listens (ms).',
    { min: 1000, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.cancelTimeoutMs,
    DEFAULT_CANCEL_TIMEOUT_MS,
    'integer',
    'How long to wait for the tts to answer a cancelled utterance before going on as if silent (ms); the wait for silence after a barge-in gives up after twice this.',
    { min: 100, max: MAX_WINDOW_MS },
  ],
  [
    DialogueParameters.riskClassifierModel,
    '',
    'string',
    'A GGUF model that classifies each final transcript after the deterministic safety screen and may only raise its level ("": none). Loaded in the background; settable at runtime.',
  ],
  [
    DialogueParameters.riskClassifierTimeoutMs,
    2000,
    'integer',
    "How long the risk classifier may take on one transcript before its answer is dropped and the screen's result stands (ms).",
    { min: 10, max: 60_000 },
  ],
];

/** Why a list of interruptible states is refused, or undefined when it is fine. */
function interruptibleRefusal(name: string, value: ParameterValue): string | undefined {
  const states = Array.isArray(value) ? value.map(String) : [String(value)];
  if (states.includes('crisis')) {
    return (
      `${name} cannot include "crisis": the crisis message must be heard whole, and only a ` +
      "caregiver's acknowledgement ends it. Remove it from the list."
    );
  }
  const known: readonly string[] = DIALOGUE_STATES;
  const unknown = states.filter((state) => !known.includes(state));
  if (unknown.length > 0) {
    return `${name} has unknown state(s) ${unknown.map((s) => `"${s}"`).join(', ')}: use the dialogue states ${known.filter((s) => s !== 'crisis').join(', ')}.`;
  }
  return undefined;
}

/** Why an AI notice is refused, or undefined when it says the robot is an AI. */
function aiNoticeRefusal(name: string, value: ParameterValue, locale: string): string | undefined {
  const where = `the robot's parameters file (robot-config/<robot>/params.yaml, dialogue: ros__parameters: ${name})`;
  if (String(value).trim() === '') {
    return (
      `${name} cannot be empty: the robot must say it is an AI at the start of each session. ` +
      `Set other words in ${where} (e.g. "Hello, I'm an AI companion.") instead of removing them.`
    );
  }
  if (!saysItIsAnAi(String(value), locale)) {
    return (
      `${name} "${String(value)}" does not say the robot is an AI: the notice is not removable. ` +
      `In ${where}, use words that say so, e.g. "AI" or one of ${aiNoticeWords(locale)
        .map((word) => `"${word}"`)
        .join(', ')} for locale ${locale}.`
    );
  }
  return undefined;
}

/** Why a value of a safety parameter is refused, or undefined when it is fine. */
function refusal(name: string, value: ParameterValue, locale: string): string | undefined {
  if (name === DialogueParameters.interruptibleStates) return interruptibleRefusal(name, value);
  if (name === DialogueParameters.aiNotice) return aiNoticeRefusal(name, value, locale);
  if (
    (name === DialogueParameters.quietHoursStart || name === DialogueParameters.quietHoursEnd) &&
    !isQuietHoursValue(String(value))
  ) {
    return `${name} "${String(value)}" is not a time: use HH:MM in 24-hour robot local time (e.g. 21:30), or "" for none.`;
  }
  return undefined;
}

function localeOf(node: GraphNode): string {
  return String(node.getParameter(DialogueParameters.locale) || DEFAULT_LOCALE);
}

/**
 * Refuses an empty AI notice, or one that does not say the robot is an AI, malformed quiet hours and interruptible states that are unknown or
 * include crisis, at start (throwing) and at runtime (`ros2 param set` gets the reason).
 */
export function guardDialogueParameters(node: GraphNode): Disposable {
  for (const name of [
    DialogueParameters.interruptibleStates,
    DialogueParameters.aiNotice,
    DialogueParameters.quietHoursStart,
    DialogueParameters.quietHoursEnd,
  ]) {
    const reason = refusal(name, node.getParameter(name), localeOf(node));
    if (reason !== undefined) throw new InvalidDialogueParameterError(name, reason);
  }
  return node.addParameterValidator((changes: readonly ParameterChange[]) => {
    // A locale changed with the notice in one call is the one the notice must speak.
    const newLocale = changes.find((c) => c.name === DialogueParameters.locale)?.value;
    const locale = newLocale === undefined ? localeOf(node) : String(newLocale) || DEFAULT_LOCALE;
    for (const change of changes) {
      const reason = refusal(change.name, change.value, locale);
      if (reason !== undefined) return { successful: false, reason };
    }
    // Only the locale changes: the notice already set must still speak its language.
    if (newLocale !== undefined && !changes.some((c) => c.name === DialogueParameters.aiNotice)) {
      const name = DialogueParameters.aiNotice;
      const reason = refusal(name, node.getParameter(name), locale);
      if (reason !== undefined) return { successful: false, reason };
    }
    return { successful: true };
  });
}

/** Declares the parameters and returns the machine's config from their values. */
export function declareDialogueParameters(node: GraphNode): Partial<DialogueConfig> {
  for (const [name, value, kind, description, range] of declarations) {
    node.declareParameter(name, value, {
      kind,
      description,
      ...(range === undefined ? {} : { range }),
    });
  }
  return readDialogueConfig(node);
}

function strings(value: ParameterValue): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The machine's config from the node's current parameter values. */
export function readDialogueConfig(node: GraphNode): Partial<DialogueConfig> {
  const get = (name: string): ParameterValue => node.getParameter(name);
  const P = DialogueParameters;
  return {
    followUpWindowMs: Number(get(P.followUpWindowMs)),
    noSpeechTimeoutMs: Number(get(P.noSpeechTimeoutMs)),
    bargeInEnabled: get(P.bargeInEnabled) === true,
    bargeInOnSpeech: get(P.bargeInOnSpeech) === true,
    interruptibleStates: strings(get(P.interruptibleStates)),
    backchannels: strings(get(P.backchannels)),
    goodbyePhrases: strings(get(P.goodbyePhrases)),
    sessionTimeoutMs: Number(get(P.sessionTimeoutMs)),
    endOfTurnSilenceMs: Number(get(P.endOfTurnSilenceMs)),
    endOfTurnSilenceMidSentenceMs: Number(get(P.endOfTurnSilenceMidSentenceMs)),
    maxListeningMs: Number(get(P.maxListeningMs)),
    rePrompt: String(get(P.rePrompt)),
    greeting: String(get(P.greeting)),
    checkInAfterMs: Number(get(P.checkInAfterMs)),
    checkIn: String(get(P.checkIn)),
    crisisMessage: String(get(P.crisisMessage)),
    aiNotice: String(get(P.aiNotice)),
    quietHoursStart: String(get(P.quietHoursStart)),
    quietHoursEnd: String(get(P.quietHoursEnd)),
    nudgeAfterTurns: Number(get(P.nudgeAfterTurns)),
    crisisStayIntervalMs: Number(get(P.crisisStayIntervalMs)),
    respondingTimeoutMs: Number(get(P.respondingTimeoutMs)),
  };
}

/** How long to wait for the tts's answer to a cancel, from the node's current parameter value. */
export function readCancelTimeoutMs(node: GraphNode): number {
  return Number(node.getParameter(DialogueParameters.cancelTimeoutMs));
}

/** How long the person's voice must last to barge in, from the node's current parameter values. */
export function readPersonVoiceSettings(node: GraphNode): PersonVoiceSettings {
  return {
    minSpeechMs: Number(node.getParameter(DialogueParameters.bargeInMinSpeechMs)),
    echoMarginMs: Number(node.getParameter(DialogueParameters.bargeInEchoMarginMs)),
  };
}
