import type { Disposable, GraphNode, ServerGoalHandle } from '@hearth/graph';
import {
  Actions,
  GenerateAction,
  type GenerateFeedback,
  type GenerateGoal,
  type GenerateResult as GenerateActionResult,
} from '@hearth/interfaces';
import { FallbackResponder } from './fallback/FallbackResponder.js';
import { FirstSentenceDeadline } from './FirstSentenceDeadline.js';
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
  private readonly parameterWatch: Disposable;
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
    this.parameterWatch = node.onParametersChanged((changes) => {
      const scale = changes.find((change) => change.name === 'lora_scale');
      if (scale && typeof scale.value === 'number') this.applyLoraScale(scale.value);
    });
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
    this.parameterWatch.dispose();
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
      previousReplyHeard: goal.previous_reply_heard,
      previousReplyInterrupted: goal.previous_reply_interrupted,
      riskLevel: goal.risk_level,
    };
    const publish = (sentence: ReplySentence): void => {
      if (!signal.aborted) handle.publishFeedback(toFeedback(sentence));
    };
    const options = {
      signal,
      sampling: this.parameters.sampling(),
      personaPrompt: this.parameters.personaPrompt(),
      context: this.parameters.context(),
      onSentence: publish,
    };
    if (this.engine === this.fallback) return this.fallback.generate(request, options);

    // The model gets its own signal, so that the deadline can stop it without ending the goal.
    const model = new AbortController();
    const abortModel = (): void => model.abort();
    signal.addEventListener('abort', abortModel, { once: true });
    const deadline = new FirstSentenceDeadline(this.parameters.firstSentenceDeadlineMs());
    const generation = this.engine.generate(request, {
      ...options,
      signal: model.signal,
      onSentence: (sentence) => {
        if (deadline.passed) return; // the fallback answers this turn
        deadline.met();
        publish(sentence);
      },
    });
    try {
      const outcome = await Promise.race([generation, deadline.expired]);
      if (outcome !== 'deadline') return outcome;
      model.abort();
      // The model may be stuck in native code: answer now, let it finish in the background.
      generation.catch(() => undefined);
      this.node.logger.warn(
        `No sentence was ready within first_sentence_deadline_ms (${deadline.ms} ms); ` +
          'answering this turn from built-in supportive replies. A smaller model, fewer ' +
          'max_tokens or a shorter context makes replies start sooner.',
        { session: request.sessionId, file: this.parameters.engineConfig().modelPath },
      );
      return await this.fallback.generate(request, options);
    } catch (error) {
      if (signal.aborted) throw error;
      // A model that fails mid-turn must not leave the person without an answer.
      this.node.logger.error(
        `Reply generation failed; answering this turn from built-in supportive replies: ${
          error instanceof Error ? error.message : String(error)
        }`,
        { session: request.sessionId, error: error instanceof Error ? error.name : 'Error' },
      );
      return this.fallback.generate(request, options);
    } finally {
      deadline.clear();
      signal.removeEventListener('abort', abortModel);
    }
  }

  private applyLoraScale(scale: number): void {
    const apply = this.engine.setLoraScale?.(scale);
    if (!apply) return;
    apply.then(
      () => this.node.logger.info(`LoRA scale is now ${scale}.`),
      (error: unknown) =>
        this.node.logger.error(
          `Could not change the LoRA scale to ${scale}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        ),
    );
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
    context_compacted: result.contextCompacted,
    history_utterances: result.historyUtterances,
  });
}
