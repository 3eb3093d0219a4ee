import { SayAction, type SayFeedback, type SayGoal, type SayResult } from '@hearth/interfaces';
import type { ActionClient, Logger } from '@hearth/graph';
import { fromPromise } from 'xstate';
import { SayFailedError } from '../errors.js';
import { DIALOGUE_SYSTEM_ID } from '../machine/dialogueMachine.js';
import type { DialogueEvent } from '../machine/events.js';
import type { SayInput, SayOutput } from '../machine/types.js';

/**
 * The machine's `say` actor on the tts node's Say action: resolves with the result, rejects with
 * SayFailedError when the tts aborts; the machine leaving the state aborts `signal`, which
 * cancels the goal. The tts's `started` feedback reaches the dialogue actor as `tts.started`
 * (the turn's first-audio time).
 */
export function createSayActor(
  client: ActionClient<SayGoal, SayResult, SayFeedback>,
  logger: Logger,
) {
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
    });
    const handle = await client.sendGoal(goal, { onFeedback: notifyStarted });
    const cancel = (): void => {
      handle.cancel().catch((error: unknown) =>
        logger.warn('cancelling speech failed', {
          utteranceId: input.utteranceId,
          error: String(error),
        }),
      );
    };
    if (signal.aborted) cancel();
    else signal.addEventListener('abort', cancel, { once: true });
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
