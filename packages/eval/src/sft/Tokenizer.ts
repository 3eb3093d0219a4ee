import { loadLlama } from '@hearth/llm';
import { type Llama, type LlamaModel } from 'node-llama-cpp';
import { EvalModelError } from '../errors/EvalModelError.js';
import { wordTokens } from '../metrics/wordTokens.js';

/** Counts tokens: a GGUF model's own tokenizer, or word tokens when no model is given. */
export class Tokenizer {
  private constructor(
    readonly kind: 'gguf' | 'words',
    private readonly llama?: Llama,
    private readonly model?: LlamaModel,
  ) {}

  static words(): Tokenizer {
    return new Tokenizer('words');
  }

  /** Loads only the vocabulary of a GGUF model: fast, no weights in memory. */
  static async fromGguf(modelPath: string): Promise<Tokenizer> {
    const llama = await loadLlama();
    try {
      const model = await llama.loadModel({ modelPath, vocabOnly: true });
      return new Tokenizer('gguf', llama, model);
    } catch (error) {
      await llama.dispose();
      throw new EvalModelError(modelPath, `its vocabulary could not be loaded (${String(error)}).`);
    }
  }

  /** Tokens in a rendered example; template markers count as special tokens for a GGUF model. */
  count(text: string): number {
    if (this.model) return this.model.tokenize(text, true).length;
    return wordTokens(text).length;
  }

  async dispose(): Promise<void> {
    await this.model?.dispose();
    await this.llama?.dispose();
  }
}
