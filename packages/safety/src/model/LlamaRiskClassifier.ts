/**
 * The model-based risk classifier on a local GGUF model through node-llama-cpp. Its answer is
 * forced into `riskVerdictSchema` by a llama.cpp grammar, so every answer parses; greedy
 * decoding keeps verdicts reproducible. No trained classifier ships: the robot's owner supplies
 * the model (see the README), and the screener only lets it raise a level.
 *
 * node-llama-cpp and @hearth/llm are imported when a model is loaded, not with this package:
 * the screener, the output guard and `hearth safety screen` stay free of the native binding.
 */
import { basename } from 'node:path';
import type { Llama, LlamaContext, LlamaGrammar, LlamaModel } from 'node-llama-cpp';
import type { ClassifierVerdict, RiskClassifier } from '../classifier.js';
import { RiskClassifierModelError } from './RiskClassifierModelError.js';
import { parseRiskVerdict, riskPrompt, riskSystemPrompt, riskVerdictSchema } from './riskPrompt.js';

export interface LlamaRiskClassifierOptions {
  /** llama.cpp threads; keep few, the reply model shares the CPU (default 2). */
  readonly threads?: number;
  /** Context size in tokens; a message and the prompt are short (default 2048). */
  readonly contextSize?: number;
}

/** The answer is a short object; this bounds a model that pads it with whitespace. */
const MAX_ANSWER_TOKENS = 128;

export class LlamaRiskClassifier implements RiskClassifier {
  readonly name: string;
  /** One classification at a time: the context has one sequence. */
  #queue: Promise<unknown> = Promise.resolve();
  #disposed = false;

  private constructor(
    readonly modelPath: string,
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly grammar: LlamaGrammar,
  ) {
    this.name = `model ${basename(modelPath)}`;
  }

  /** Loads the model; a missing or unloadable file is a `RiskClassifierModelError` naming it. */
  static async load(
    modelPath: string,
    options: LlamaRiskClassifierOptions = {},
  ): Promise<LlamaRiskClassifier> {
    const { checkModelFileHead, loadLlama } = await import('@hearth/llm');
    try {
      await checkModelFileHead(modelPath);
    } catch (error) {
      throw new RiskClassifierModelError(modelPath, reasonOf(error), { cause: error });
    }
    const threads = options.threads ?? 2;
    const llama = await loadLlama({ maxThreads: threads });
    try {
      const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
      const context = await model.createContext({
        contextSize: Math.min(options.contextSize ?? 2048, model.trainContextSize),
        threads,
      });
      const grammar = await llama.createGrammarForJsonSchema(riskVerdictSchema);
      return new LlamaRiskClassifier(modelPath, llama, model, context, grammar);
    } catch (error) {
      await llama.dispose();
      throw new RiskClassifierModelError(modelPath, reasonOf(error), { cause: error });
    }
  }

  classify(text: string, options: { signal: AbortSignal }): Promise<ClassifierVerdict> {
    const run = this.#queue.then(() => this.#classifyNow(text, options.signal));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #classifyNow(text: string, signal: AbortSignal): Promise<ClassifierVerdict> {
    // A call that timed out while it waited its turn is not run at all.
    signal.throwIfAborted();
    if (this.#disposed) throw new Error(`the classifier ${this.name} was disposed`);
    const { LlamaChatSession } = await import('node-llama-cpp');
    const session = new LlamaChatSession({
      contextSequence: this.context.getSequence(),
      systemPrompt: riskSystemPrompt,
    });
    try {
      const answer = await session.prompt(riskPrompt(text), {
        grammar: this.grammar,
        temperature: 0,
        maxTokens: MAX_ANSWER_TOKENS,
        signal,
      });
      return parseRiskVerdict(parseAnswer(answer));
    } finally {
      session.dispose({ disposeSequence: true });
    }
  }

  /** Waits for the classification in progress, then frees the model's native memory. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.#queue;
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }
}

/** The grammar makes the answer JSON, but a cut-off answer (token limit) is not complete. */
function parseAnswer(answer: string): unknown {
  try {
    return JSON.parse(answer);
  } catch {
    throw new Error(
      `the classifier's answer is not a complete JSON object: ${answer.slice(0, 80)}`,
    );
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
