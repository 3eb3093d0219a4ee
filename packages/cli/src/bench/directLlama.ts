import { loadLlama } from '@hearth/llm';
import { performance } from 'node:perf_hooks';
import {
  LlamaChatSession,
  type ChatHistoryItem,
  type Llama,
  type LlamaModel,
} from 'node-llama-cpp';
import type { TurnTiming } from './benchTypes.js';

/** One turn of the conversation as history: what the person said and what the model answered. */
export interface HistoryTurn {
  readonly user: string;
  readonly model: string;
}

/**
 * node-llama-cpp used directly, without Hearth: the baseline for Hearth's overhead and the
 * "fresh session every turn" side of the KV-reuse comparison. Same binary and settings as
 * Hearth's LlamaEngine (CPU, prebuilt, never downloads).
 */
export class DirectLlama {
  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly threads: number,
  ) {}

  static async load(modelPath: string, threads: number): Promise<DirectLlama> {
    const llama = await loadLlama({ maxThreads: threads });
    try {
      const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
      return new DirectLlama(llama, model, threads);
    } catch (error) {
      await llama.dispose();
      throw error;
    }
  }

  /**
   * Pure decoding speed: evaluates a short prompt, then times `tokens` greedy tokens one at a
   * time, with no chat formatting, stop checks or text decoding.
   */
  async decodeTokensPerSecond(tokens: number): Promise<number> {
    const context = await this.model.createContext({ contextSize: 512, threads: this.threads });
    try {
      const sequence = context.getSequence();
      const prompt = this.model.tokenize('The robot listened quietly and then said');
      let produced = 0;
      let firstAt = 0;
      for await (const _token of sequence.evaluate(prompt, { temperature: 0 })) {
        produced += 1;
        // The first token carries the prompt's evaluation; timing starts after it.
        if (produced === 1) firstAt = performance.now();
        if (produced > tokens) break;
      }
      return (produced - 1) / ((performance.now() - firstAt) / 1000);
    } finally {
      await context.dispose();
    }
  }

  /**
   * Prompt evaluation speed (prefill): `tokens` prompt tokens evaluated in one batch on a fresh
   * context, no token generated. Compute-bound, unlike decoding, so it shows thread scaling.
   */
  async promptTokensPerSecond(tokens: number): Promise<number> {
    const context = await this.model.createContext({
      contextSize: Math.max(512, tokens + 16),
      batchSize: Math.max(512, tokens),
      threads: this.threads,
    });
    try {
      const sequence = context.getSequence();
      const piece = this.model.tokenize(
        'The robot listened quietly and then said something kind. ',
      );
      const prompt = Array.from({ length: tokens }, (_, i) => piece[i % piece.length]!);
      const start = performance.now();
      await sequence.evaluateWithoutGeneratingNewTokens(prompt);
      return tokens / ((performance.now() - start) / 1000);
    } finally {
      await context.dispose();
    }
  }

  /**
   * One turn on a fresh context: `history` is evaluated in full before the person's words. Timed
   * from before the context is created, as Hearth's engine times the first turn of a session.
   */
  async freshTurn(
    systemPrompt: string,
    history: readonly HistoryTurn[],
    userText: string,
    maxTokens: number,
    contextSize: number,
  ): Promise<Omit<TurnTiming, 'turn'>> {
    // Timed from before the context exists, as Hearth's engine times a new session's turn.
    const start = performance.now();
    const context = await this.model.createContext({
      contextSize,
      threads: this.threads,
      sequences: 1,
    });
    try {
      const chat = new LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt });
      const items: ChatHistoryItem[] = [{ type: 'system', text: systemPrompt }];
      for (const turn of history) {
        items.push({ type: 'user', text: turn.user }, { type: 'model', response: [turn.model] });
      }
      chat.setChatHistory(items);
      const meter = chat.sequence.tokenMeter;
      const inputBefore = meter.usedInputTokens;
      let firstAt: number | undefined;
      let promptTokens = 0;
      let generated = 0;
      await chat.promptWithMeta(userText, {
        maxTokens,
        temperature: 0,
        onToken: (tokens) => {
          if (firstAt === undefined) {
            firstAt = performance.now();
            promptTokens = meter.usedInputTokens - inputBefore;
          }
          generated += tokens.length;
        },
      });
      const end = performance.now();
      const first = firstAt ?? end;
      const decodeSeconds = (end - first) / 1000;
      return {
        firstTokenMs: first - start,
        promptTokensEvaluated:
          firstAt === undefined ? meter.usedInputTokens - inputBefore : promptTokens,
        generatedTokens: generated,
        tokensPerSecond: generated > 1 && decodeSeconds > 0 ? (generated - 1) / decodeSeconds : 0,
        totalMs: end - start,
      };
    } finally {
      await context.dispose();
    }
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
    await this.llama.dispose();
  }
}
