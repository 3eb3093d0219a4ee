import { basename } from 'node:path';
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
import { checksumPending } from './engine/checkRegistryChecksum.js';
import { LORA_SCALE_UNSET, LlmParameters } from './LlmParameters.js';
import { loadReplyEngine, type LoadReplyEngineOptions } from './loadReplyEngine.js';
import { loraScaleFor } from './registry/loraScaleFor.js';
import { registryEntryFor } from './registry/registryEntryFor.js';
import type { ReplyResult, ReplyEngine, ReplySentence } from './types.js';

/** Goals without a session id share this one. */
export const defaultSessionId = 'default';

export interface LlmNodeOptions {
  /** Parameters already declared on the node; declared here when omitted. */
  readonly parameters?: LlmParameters;
  /** Answers a turn when the engine fails mid-generation; a FallbackResponder when omitted. */
  readonly fallback?: ReplyEngine;
  /** The name turns report for the model (TurnRecord.model); default the model_path's file name. */
  readonly modelName?: string;
}

/** How LlmNode.create loads the engine. */
export type LlmNodeCreateOptions = LoadReplyEngineOptions;

/** What `model` says when the built-in replies answered. */
export const FALLBACK_MODEL_NAME = 'fallback';

/**
 * The llm node: serves the Generate action. Each goal is one turn of a session; sentences go out
 * as feedback as soon as they form, so the robot can start speaking early, and cancelling the
 * goal (barge-in) stops generation within a token. Owns the engine it is given.
 */
export class LlmNode {
  readonly parameters: LlmParameters;
  /**
   * Settles when the model is serving, or the node has settled on the fallback: at once unless
   * create() left the model's SHA-256 check running in the background (checkingModel).
   */
  modelReady: Promise<void> = Promise.resolve();
  private current: ReplyEngine;
  private checking = false;
  private readonly fallback: ReplyEngine;
  /** The file name only: a path would tell telemetry about the robot's disk layout. */
  private readonly modelName: string;
  private readonly running = new Set<AbortController>();
  private readonly parameterWatch: Disposable;
  private readonly loraScaleValidation: Disposable;
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    engine: ReplyEngine,
    options: LlmNodeOptions = {},
  ) {
    this.current = engine;
    this.parameters = options.parameters ?? new LlmParameters(node);
    this.loraScaleValidation = this.parameters.validateLoraScale();
    // Used only for turns the model answers (a fallback turn says FALLBACK_MODEL_NAME), so it
    // holds for a model that takes over after create().
    this.modelName = options.modelName ?? basename(this.parameters.engineConfig().modelPath);
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
  static async create(node: GraphNode, options: LlmNodeCreateOptions = {}): Promise<LlmNode> {
    const parameters = new LlmParameters(node);
    const config = parameters.engineConfig();
    const registered = await registryEntryFor(config.modelPath);
    if (!(await checksumPending(config.modelPath, registered))) {
      const engine = await loadReplyEngine(config, node.logger, options);
      return new LlmNode(node, engine, { parameters });
    }
    // Hashing gigabytes takes a while: the rest of the graph must not wait for it. The node
    // answers from the fallback (turns say so) until the file has passed and the model loaded.
    const fallback = new FallbackResponder({
      onListenerError: (error) => node.logger.warn(`A reply listener threw: ${String(error)}`),
    });
    const llm = new LlmNode(node, fallback, { parameters });
    llm.checking = true;
    node.logger.warn(
      `Checking the model file ${config.modelPath} against the model registry's SHA-256 ` +
        '(once per file) ...; answering from built-in supportive replies until it passes.',
      { file: config.modelPath },
    );
    llm.modelReady = loadReplyEngine(config, node.logger, options).then(
      (engine) => llm.takeOver(engine),
      (error: unknown) => {
        llm.checking = false;
        node.logger.error(`The model could not be loaded: ${String(error)}`);
      },
    );
    return llm;
  }

  /** What answers turns now: the model, or the fallback responder. */
  get engine(): ReplyEngine {
    return this.current;
  }

  /** True while the model file's SHA-256 is being checked in the background (see create). */
  get checkingModel(): boolean {
    return this.checking;
  }

  /** Cancels running turns and frees the engine. The owner destroys the GraphNode. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.parameterWatch.dispose();
    this.loraScaleValidation.dispose();
    for (const controller of this.running) controller.abort();
    await this.current.dispose();
    if (this.fallback !== this.current) await this.fallback.dispose();
  }

  /**
   * The background load finished: a model takes over from the fallback; a fallback (the file
   * failed its check or its load, already logged with the fix) is dropped and the node stays on
   * its own.
   */
  private async takeOver(engine: ReplyEngine): Promise<void> {
    this.checking = false;
    if (engine.kind === 'fallback' || this.disposed) {
      await engine.dispose();
      return;
    }
    this.current = engine;
    this.node.logger.info('The model file passed its check; the model answers from now on.');
    // lora_scale may have been changed while the file was checked.
    const loaded = this.parameters.engineConfig().loraScale;
    if (this.parameters.loraScale() !== (loaded ?? LORA_SCALE_UNSET))
      this.applyLoraScale(this.parameters.loraScale());
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
      return toActionResult(result, result.fallback ? FALLBACK_MODEL_NAME : this.modelName);
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
      reasked: goal.reasked,
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
    const engine = this.current; // a model taking over mid-turn answers from the next turn
    if (engine === this.fallback) return this.fallback.generate(request, options);

    // The model gets its own signal, so that the deadline can stop it without ending the goal.
    const model = new AbortController();
    const abortModel = (): void => model.abort();
    signal.addEventListener('abort', abortModel, { once: true });
    const deadline = new FirstSentenceDeadline(this.parameters.firstSentenceDeadlineMs());
    const generation = engine.generate(request, {
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

  private applyLoraScale(requested: number): void {
    if (!this.current.setLoraScale) return;
    const apply = this.effectiveLoraScale(requested).then(async (scale) => {
      await this.current.setLoraScale?.(scale);
      return scale;
    });
    apply.then(
      (scale) => this.node.logger.info(`LoRA scale is now ${scale}.`),
      (error: unknown) =>
        this.node.logger.error(
          `Could not change the LoRA scale to ${requested}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        ),
    );
  }

  /** -1 (not set) means what it meant at load: the registry's default_scale, else 1. */
  private async effectiveLoraScale(requested: number): Promise<number> {
    if (requested !== LORA_SCALE_UNSET) return requested;
    const config = this.parameters.engineConfig();
    return loraScaleFor(config.loraPath, undefined, await registryEntryFor(config.modelPath));
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

function toActionResult(result: ReplyResult, model: string): GenerateActionResult {
  return GenerateAction.result.create({
    reply: result.reply,
    strategy: result.strategy,
    fallback: result.fallback,
    model,
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
