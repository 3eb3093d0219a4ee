import {
  GenerateAction,
  type GenerateFeedback,
  type GenerateGoal,
  type GenerateResult,
} from '@hearth/interfaces';
import type { ActionClient, ClientGoalHandle, Logger } from '@hearth/graph';
import { fromCallback, type EventObject } from 'xstate';
import type { DialogueEvent } from '../machine/events.js';
import type { GenerateInput } from '../machine/types.js';

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The machine's `generate` actor on the llm node's Generate action: each feedback sentence
 * becomes `llm.sentence`, the result `llm.done`, any failure `llm.failed`. Stopping the actor
 * (barge-in, pause, failure elsewhere) cancels the goal.
 */
export function createGenerateActor(
  client: ActionClient<GenerateGoal, GenerateResult, GenerateFeedback>,
  logger: Logger,
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

    const run = async (): Promise<void> => {
      const goal = GenerateAction.goal.create({
        session_id: input.sessionId,
        user_text: input.userText,
        instruction: input.instruction,
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
