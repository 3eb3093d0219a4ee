import { SayAction, type SayFeedback, type SayGoal, type SayResult } from '@hearth/interfaces';
import type { ActionClient, ClientGoalHandle, Logger } from '@hearth/graph';
import { fromPromise } from 'xstate';
import { SayFailedError } from '../errors.js';
import { settleWithin } from '../settleWithin.js';
import { DIALOGUE_SYSTEM_ID } from '../machine/dialogueMachine.js';
import type { DialogueEvent } from '../machine/events.js';
import type { SayInput, SayOutput } from '../machine/types.js';

/** What the tts answered to a cancelled say goal (undefined when it never accepted it). */
export interface CancelledSpeech {
  readonly utteranceId: string;
  readonly groupId: string;
  /** The utterance's own WAV ('' when the cancel came before it was synthesized). */
  readonly audioPath: string;
  /** The group's WAV with the part spoken before the cancel ('' when none). */
  readonly groupAudioPath: string;
  /** Words of the utterance spoken before the cancel (what the person heard of it). */
  readonly wordsSpoken: number;
}

/** Told of every cancelled say goal: the promise settles once the tts has stopped speaking it. */
export type OnSpeechCancelled = (silenced: Promise<CancelledSpeech | undefined>) => void;

export interface SayActorOptions {
  /**
   * How long to wait for the tts's answer to a cancel before going on as if silent (ms), read at
   * each cancel; 3000 by default.
   */
  readonly cancelTimeoutMs?: () => number;
}

/** How long a cancelled say goal may take to answer when no option says otherwise. */
export const DEFAULT_CANCEL_TIMEOUT_MS = 3000;

/**
 * The machine's `say` actor on the tts node's Say action: resolves with the result, rejects with
 * SayFailedError when the tts aborts; the machine leaving the state aborts `signal`, which
 * cancels the goal (even one still being sent). The tts's `started` feedback reaches the dialogue
 * actor as `tts.started` (the turn's first-audio time). A tts that never answers a cancel is
 * given up on after `cancelTimeoutMs` (logged), so a barge-in's wait for silence always ends.
 */
export function createSayActor(
  client: ActionClient<SayGoal, SayResult, SayFeedback>,
  logger: Logger,
  onCancelled: OnSpeechCancelled = (silenced) => void silenced.catch(() => undefined),
  options: SayActorOptions = {},
) {
  const cancelTimeoutMs = options.cancelTimeoutMs ?? (() => DEFAULT_CANCEL_TIMEOUT_MS);
  return fromPromise<SayOutput, SayInput>(async ({ input, signal, system }) => {
    const notifyStarted = (feedback: SayFeedback): void => {
      if (feedback.event !== 'started' || signal.aborted) return;
      const started: DialogueEvent = { type: 'tts.started', utteranceId: input.utteranceId };
      system.get(DIALOGUE_SYSTEM_ID)?.send(started);
    };
    const goal = SayAction.goal.create({
      utterance_id: input.utteranceId,
      text: input.text,
      group_id: input.groupId,
      strategy: input.strategy,
    });
    const sending = client.sendGoal(goal, { onFeedback: notifyStarted });
    // Silence is the cancelled goal's result: the tts has stopped and said how far it got.
    const cancelAndWait = async (
      handle: ClientGoalHandle<SayResult>,
    ): Promise<CancelledSpeech | undefined> => {
      if (!handle.accepted) return undefined;
      await handle.cancel().catch((error: unknown) =>
        logger.warn('cancelling speech failed', {
          utteranceId: input.utteranceId,
          error: String(error),
        }),
      );
      const timeoutMs = cancelTimeoutMs();
      const answer = await settleWithin(handle.result, timeoutMs, () => {
        logger.warn('gave up waiting for the tts to answer a cancel; going on as if silent', {
          utteranceId: input.utteranceId,
          timeoutMs,
        });
        return undefined;
      });
      if (answer === undefined) return undefined;
      const { result } = answer;
      return {
        utteranceId: input.utteranceId,
        groupId: input.groupId,
        audioPath: result.audio_path,
        groupAudioPath: result.group_audio_path,
        wordsSpoken: result.words_spoken,
      };
    };
    const cancel = (): void => onCancelled(sending.then(cancelAndWait));
    if (signal.aborted) cancel();
    else signal.addEventListener('abort', cancel, { once: true });
    const handle = await sending;
    try {
      if (!handle.accepted)
        throw new SayFailedError(input.utteranceId, 'the tts node rejected the goal');
      const { status, result } = await handle.result;
      if (status === 'aborted')
        throw new SayFailedError(input.utteranceId, 'the tts node aborted the goal');
      return {
        audioPath: result.audio_path,
        groupAudioPath: result.group_audio_path,
        durationMs: result.duration_ms,
        wordsSpoken: result.words_spoken,
        cancelled: status === 'canceled' || result.cancelled,
      };
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  });
}
