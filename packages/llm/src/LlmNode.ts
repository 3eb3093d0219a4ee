import type { GraphNode, ServerGoalHandle } from '@hearth/graph';
import {
  Actions,
  GenerateAction,
  type GenerateFeedback,
  type GenerateGoal,
  type GenerateResult as GenerateActionResult,
} from '@hearth/interfaces';
import { FallbackResponder } from './fallback/FallbackResponder.js';
import { LlmParameters } from './LlmParameters.js';
import { loadReplyEngine } from './loadReplyEngine.js';
import type { ReplyResult, ReplyEngine, ReplySentence } from './types.js';

/** Goals without a session id share this one. */
export const defaultSessionId = 'default';

export interface LlmNodeOptions {
  /** Parameters already declared on the node; declared here when omitted. */
  readonly parameters?: LlmParameters;
  /** Answers a turn when the engine fails mid-generation; a FallbackResponder when omitted. */
  readonly fallback?: ReplyEngine;
}

/**
 * The llm node: serves the Generate action. Each goal is one turn of a session; sentences go out
 * as feedback as soon as they form, so the robot can start speaking early, and cancelling the
 * goal (barge-in) stops generation within a token. Owns the engine it is given.
 */
export class LlmNode {
  readonly parameters: LlmParameters;
  private readonly fallback: ReplyEngine;
  private readonly running = new Set<AbortController>();
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    readonly engine: ReplyEngine,
    options: LlmNodeOptions = {},
  ) {
    this.parameters = options.parameters ?? new LlmParameters(node);
    this.fallback =
      options.fallback ??
      (engine.kind === 'fallback'
        ? engine
        : new FallbackResponder({
            onListenerError: (error) =>
              node.logger.warn(`A reply listener threw: ${String(error)}`),
          }));
    node.createActionServer(GenerateAction, Actions.generate, (handle) => this.execute(handle));
  }

  /**
   * Declares the parameters, loads the engine they name (or the fallback responder) and starts
   * serving. The usual way to start the node.
   */
  static async create(node: GraphNode): Promise<LlmNode> {
    const parameters = new LlmParameters(node);
    const engine = await loadReplyEngine(parameters.engineConfig(), node.logger);
    return new LlmNode(node, engine, { parameters });
  }

  /** Cancels running turns and frees the engine. The owner destroys the GraphNode. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const controller of this.running) controller.abort();
    await this.engine.dispose();
    if (this.fallback !== this.engine) await this.fallback.dispose();
  }

  private async execute(
    handle: ServerGoalHandle<GenerateGoal, GenerateFeedback>,
  ): Promise<GenerateActionResult> {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    if (handle.signal.aborted) controller.abort();
    handle.signal.addEventListener('abort', abort, { once: true });
    this.running.add(controller);
    try {
      const result = await this.generate(handle, controller.signal);
      return toActionResult(result);
    } finally {
      handle.signal.removeEventListener('abort', abort);
      this.running.delete(controller);
    }
  }

  private async generate(
    handle: ServerGoalHandle<GenerateGoal, GenerateFeedback>,
    signal: AbortSignal,
  ): Promise<ReplyResult> {
    if (this.disposed) throw new Error('The llm node was disposed; it no longer serves goals.');
    const goal = handle.goal;
    const request = {
      sessionId: goal.session_id || defaultSessionId,
      userText: goal.user_text,
      instruction: goal.instruction,
    };
    const options = {
      signal,
      sampling: this.parameters.sampling(),
      personaPrompt: this.parameters.personaPrompt(),
      onSentence: (sentence: ReplySentence) => {
        if (!signal.aborted) handle.publishFeedback(toFeedback(sentence));
      },
    };
    try {
      return await this.engine.generate(request, options);
    } catch (error) {
      if (this.engine === this.fallback || signal.aborted) throw error;
      // A model that fails mid-turn must not leave the person without an answer.
      this.node.logger.error(
        `Reply generation failed; answering this turn from built-in supportive replies: ${
          error instanceof Error ? error.message : String(error)
        }`,
        { session: request.sessionId },
      );
      return this.fallback.generate(request, options);
    }
  }
}

function toFeedback(sentence: ReplySentence): GenerateFeedback {
  return GenerateAction.feedback.create({
    sentence: sentence.text,
    sentence_index: sentence.index,
    strategy: sentence.strategy,
    first_token_ms: sentence.firstTokenMs,
  });
}

function toActionResult(result: ReplyResult): GenerateActionResult {
  return GenerateAction.result.create({
    reply: result.reply,
    strategy: result.strategy,
    fallback: result.fallback,
    cancelled: result.cancelled,
    prompt_tokens_evaluated: result.promptTokensEvaluated,
    generated_tokens: result.generatedTokens,
    first_token_ms: result.firstTokenMs,
    total_ms: result.totalMs,
    tokens_per_second: result.tokensPerSecond,
    context_strategy: result.contextStrategy,
  });
}
