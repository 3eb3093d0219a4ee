import { loadLlama } from '@hearth/llm';
import { type Llama, type LlamaEmbeddingContext, type LlamaModel } from 'node-llama-cpp';
import { EvalModelError } from '../errors/EvalModelError.js';

/** Cosine similarity of two vectors; 0 when either is all zeros. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length)
    throw new RangeError(`cosineSimilarity: lengths ${a.length} and ${b.length} differ.`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  });
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * Embedding similarity between a reply and its gold reply with any GGUF embedding model
 * (e.g. nomic-embed-text, bge, all-MiniLM in GGUF) through node-llama-cpp. BERTScore matches
 * token embeddings; node-llama-cpp returns one pooled vector per text, so this is the
 * sentence-level variant: the cosine of the two texts' embeddings.
 */
export class EmbeddingScorer {
  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaEmbeddingContext,
    readonly modelPath: string,
  ) {}

  static async load(modelPath: string, threads = 2): Promise<EmbeddingScorer> {
    const llama = await loadLlama();
    try {
      const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
      const context = await model.createEmbeddingContext({
        threads,
        contextSize: Math.min(2048, model.trainContextSize),
      });
      return new EmbeddingScorer(llama, model, context, modelPath);
    } catch (error) {
      await llama.dispose();
      throw new EvalModelError(
        modelPath,
        `it could not be loaded as an embedding model (${String(error)}).`,
      );
    }
  }

  async embed(text: string): Promise<readonly number[]> {
    return (await this.context.getEmbeddingFor(text)).vector;
  }

  /** Cosine similarity of the two texts' embeddings, in [-1, 1]. */
  async similarity(reply: string, gold: string): Promise<number> {
    return cosineSimilarity(await this.embed(reply), await this.embed(gold));
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}
