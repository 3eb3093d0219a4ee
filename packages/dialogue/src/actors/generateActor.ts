import {
  GenerateAction,
  type GenerateFeedback,
  type GenerateGoal,
  type GenerateResult,
} from '@hearth/interfaces';
import type { ActionClient, ClientGoalHandle, Logger } from '@hearth/graph';
import { fromCallback, type EventObject } from 'xstate';
import type { DialogueEvent } from '../machine/events.js';
import { heardText } from '../machine/turn.js';
import type { GenerateInput } from '../machine/types.js';

/** How many words of a cancelled utterance the tts spoke (resolves once it has answered). */
export type CutWordsSpoken = (utteranceId: string) => Promise<number>;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The machine's `generate` actor on the llm node's Generate action: each feedback sentence
 * becomes `llm.sentence`, the result `llm.done`, any failure `llm.failed`. Stopping the actor
 * (barge-in, pause, failure elsewhere) cancels the goal. After a barge-in the goal's
 * `previous_reply_heard` is what the person heard of the cut reply: for the sentence cut short,
 * `cutWordsSpoken` waits for the tts's answer to the cancel (without it, none of its words count).
 */
export function createGenerateActor(
  client: ActionClient<GenerateGoal, GenerateResult, GenerateFeedback>,
  logger: Logger,
  cutWordsSpoken: CutWordsSpoken = () => Promise.resolve(0),
) {
  return fromCallback<EventObject, GenerateInput>(({ input, sendBack }) => {
    let stopped = false;
    let finished = false;
    let handle: ClientGoalHandle<GenerateResult> | undefined;
    // Nothing reaches the machine once it has left the state that invoked this actor.
    const send = (event: DialogueEvent): void => {
      if (!stopped) sendBack(event);
    };
    const cancel = (goal: ClientGoalHandle<GenerateResult>): void => {
      goal
        .cancel()
        .catch((error: unknown) =>
          logger.warn('cancelling generation failed', { error: reasonOf(error) }),
        );
    };

    const previousReplyHeard = async (): Promise<string> => {
      const reply = input.previousReply;
      if (reply === null) return '';
      const words = reply.cut === null ? 0 : await cutWordsSpoken(reply.cut.utteranceId);
      return heardText(reply, words);
    };

    const run = async (): Promise<void> => {
      const heard = await previousReplyHeard();
      if (stopped) return;
      const goal = GenerateAction.goal.create({
        session_id: input.sessionId,
        user_text: input.userText,
        instruction: input.instruction,
        previous_reply_heard: heard,
        previous_reply_interrupted: input.previousReply !== null,
        risk_level: input.riskLevel ?? '',
        reasked: input.reasked ?? false,
      });
      handle = await client.sendGoal(goal, {
        onFeedback: (feedback) =>
          send({
            type: 'llm.sentence',
            sentence: feedback.sentence,
            index: feedback.sentence_index,
            strategy: feedback.strategy,
            firstTokenMs: feedback.first_token_ms,
          }),
      });
      if (stopped) return cancel(handle);
      if (!handle.accepted)
        return send({ type: 'llm.failed', reason: 'the llm node rejected the goal' });
      const outcome = await handle.result;
      finished = true;
      if (outcome.status === 'succeeded') {
        send({
          type: 'llm.done',
          reply: outcome.result.reply,
          strategy: outcome.result.strategy,
          fallback: outcome.result.fallback,
          promptTokensEvaluated: outcome.result.prompt_tokens_evaluated,
          generatedTokens: outcome.result.generated_tokens,
          tokensPerSecond: outcome.result.tokens_per_second,
          contextStrategy: outcome.result.context_strategy,
          model: outcome.result.model,
        });
      } else {
        send({
          type: 'llm.failed',
          reason: `the llm node ${outcome.status === 'aborted' ? 'aborted' : 'cancelled'} the goal`,
        });
      }
    };
    run().catch((error: unknown) => send({ type: 'llm.failed', reason: reasonOf(error) }));

    return () => {
      stopped = true;
      if (handle !== undefined && !finished) cancel(handle);
    };
  });
}
