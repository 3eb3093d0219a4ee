import { loadLlama } from '@hearth/llm';
import { access } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import {
  LlamaChat,
  type ChatHistoryItem,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import type { Utterance } from '../data/types.js';
import { EvalModelError } from '../errors/EvalModelError.js';
import { toChatHistory } from './chatHistory.js';

export interface EvalModelOptions {
  readonly modelPath: string;
  /** A GGUF LoRA adapter applied to every evaluation. */
  readonly loraPath?: string;
  /** CPU threads; keep it low on a shared machine. */
  readonly threads?: number;
  /** Context window in tokens; older utterances are dropped to fit. Defaults to 2048. */
  readonly contextSize?: number;
  /** Use the GPU when node-llama-cpp has a prebuilt binary for it. Defaults to false. */
  readonly gpu?: boolean;
}

export interface GenerationSettings {
  readonly temperature: number;
  readonly topP: number;
  readonly topK: number;
  readonly maxTokens: number;
  readonly seed: number;
}

export interface Generated {
  /** Raw text, strategy tag included when the model wrote one. */
  readonly text: string;
  readonly seconds: number;
  readonly generatedTokens: number;
  /** Tokens of context the prompt had (after dropping old utterances to fit). */
  readonly promptTokens: number;
}

export interface GoldLikelihood {
  /** Negative log-likelihood of the gold reply's tokens, in nats, summed. */
  readonly nll: number;
  readonly tokens: number;
}

// Probabilities below this are floored so one underflowed token cannot make the set's NLL infinite.
const minProbability = 1e-30;

/**
 * A GGUF model (and optional LoRA) loaded once for a whole evaluation. Each example is
 * evaluated from a clean context sequence: generation with the model's own chat template, and
 * the gold reply's likelihood read from full next-token distributions.
 */
export class EvalModel {
  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly sequence: LlamaContextSequence,
    private readonly chat: LlamaChat,
    readonly contextSize: number,
  ) {}

  static async load(options: EvalModelOptions): Promise<EvalModel> {
    for (const file of [options.modelPath, options.loraPath]) {
      if (file === undefined) continue;
      try {
        await access(file);
      } catch {
        throw new EvalModelError(file, 'the file does not exist.');
      }
    }
    const threads = Math.max(1, options.threads ?? 2);
    const contextSize = options.contextSize ?? 2048;
    const llama = await loadLlama({ gpu: options.gpu === true });
    try {
      const model = await llama.loadModel({
        modelPath: options.modelPath,
        gpuLayers: options.gpu ? 'auto' : 0,
      });
      const context = await model.createContext({
        contextSize,
        threads,
        sequences: 1,
        lora: options.loraPath ? { adapters: [{ filePath: options.loraPath }] } : undefined,
      });
      const sequence = context.getSequence();
      const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: false });
      return new EvalModel(llama, model, context, sequence, chat, contextSize);
    } catch (error) {
      await llama.dispose();
      throw new EvalModelError(
        options.loraPath ?? options.modelPath,
        `llama.cpp could not load it (${String(error)}).`,
      );
    }
  }

  /** Generates the supporter's reply to a context. */
  async generate(
    systemPrompt: string,
    context: readonly Utterance[],
    settings: GenerationSettings,
  ): Promise<Generated> {
    const { history, promptTokens } = this.fit(systemPrompt, context, settings.maxTokens);
    await this.sequence.clearHistory();
    const start = performance.now();
    let generatedTokens = 0;
    const response = await this.chat.generateResponse(history, {
      maxTokens: settings.maxTokens,
      temperature: settings.temperature,
      topP: settings.topP,
      topK: settings.topK,
      seed: settings.seed,
      onToken: (tokens) => {
        generatedTokens += tokens.length;
      },
    });
    const seconds = (performance.now() - start) / 1000;
    return {
      text: response.response.trim(),
      seconds,
      generatedTokens,
      promptTokens: promptTokens.length,
    };
  }

  /**
   * The gold reply's negative log-likelihood given the context: the prompt and the gold tokens
   * are evaluated in one pass, and at each gold position the full next-token distribution
   * (softmax of the raw logits, temperature 0 so no sampler reshapes it) gives the gold
   * token's probability. The end-of-turn token is not counted.
   */
  async goldLikelihood(
    systemPrompt: string,
    context: readonly Utterance[],
    gold: string,
  ): Promise<GoldLikelihood> {
    const goldTokens = this.model.tokenize(gold, false);
    if (goldTokens.length === 0) return { nll: 0, tokens: 0 };
    const { promptTokens } = this.fit(systemPrompt, context, goldTokens.length);
    const input = [...promptTokens, ...goldTokens.slice(0, -1)];
    const firstScored = promptTokens.length - 1;
    await this.sequence.clearHistory();
    const outputs = await this.sequence.controlledEvaluate(
      input.map((token, index) =>
        index >= firstScored
          ? [token, { generateNext: { probabilities: true, options: { temperature: 0 } } }]
          : token,
      ),
    );
    let nll = 0;
    goldTokens.forEach((token, offset) => {
      const probability = outputs[firstScored + offset]?.next.probabilities?.get(token) ?? 0;
      nll -= Math.log(Math.max(probability, minProbability));
    });
    await this.sequence.clearHistory();
    return { nll, tokens: goldTokens.length };
  }

  /** The prompt tokens for a context: the chat template up to the supporter's turn. */
  promptTokens(systemPrompt: string, context: readonly Utterance[]): Token[] {
    return this.fit(systemPrompt, context, 0).promptTokens;
  }

  /** Tokens of a text under this model's tokenizer (no special tokens). */
  tokenize(text: string): Token[] {
    return this.model.tokenize(text, false);
  }

  async dispose(): Promise<void> {
    this.chat.dispose({ disposeSequence: true });
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }

  /**
   * The chat history and its prompt tokens, with the oldest utterances dropped until the prompt
   * and `reserve` more tokens fit the context window.
   */
  private fit(
    systemPrompt: string,
    context: readonly Utterance[],
    reserve: number,
  ): { history: ChatHistoryItem[]; promptTokens: Token[] } {
    for (let start = 0; ; start += 1) {
      const history = [
        ...toChatHistory(systemPrompt, context.slice(start)),
        { type: 'model', response: [] } as ChatHistoryItem,
      ];
      const promptTokens = this.chat.chatWrapper
        .generateContextState({ chatHistory: history })
        .contextText.tokenize(this.model.tokenizer);
      if (promptTokens.length + reserve < this.contextSize || start >= context.length) {
        return { history, promptTokens };
      }
    }
  }
}
