import { loadLlama } from '@hearth/llm';
import { LlamaChatSession, type Llama, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import type { Utterance } from '../data/types.js';
import { JudgeError, type Judge } from './Judge.js';
import {
  judgePrompt,
  judgeSchema,
  judgeSystemPrompt,
  parseJudgeScores,
  type JudgeScores,
} from './judgeRubric.js';

/** The rubric's JSON schema as a llama.cpp grammar. */
function rubricGrammar(llama: Llama) {
  return llama.createGrammarForJsonSchema(judgeSchema);
}
type RubricGrammar = Awaited<ReturnType<typeof rubricGrammar>>;

/**
 * A judge on a local GGUF model. Its output is forced into the rubric's JSON schema by a
 * llama.cpp grammar, so every answer parses; greedy decoding keeps ratings reproducible.
 */
export class LocalJudge implements Judge {
  private constructor(
    readonly name: string,
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly grammar: RubricGrammar,
  ) {}

  static async load(modelPath: string, threads = 2): Promise<LocalJudge> {
    const llama = await loadLlama();
    try {
      const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
      const context = await model.createContext({
        contextSize: Math.min(4096, model.trainContextSize),
        threads,
      });
      const grammar = await rubricGrammar(llama);
      return new LocalJudge(modelPath, llama, model, context, grammar);
    } catch (error) {
      await llama.dispose();
      throw new JudgeError(modelPath, `the model could not be loaded (${String(error)}).`);
    }
  }

  async rate(context: readonly Utterance[], reply: string): Promise<JudgeScores> {
    const sequence = this.context.getSequence();
    const session = new LlamaChatSession({
      contextSequence: sequence,
      systemPrompt: judgeSystemPrompt,
    });
    try {
      const answer = await session.prompt(judgePrompt(context, reply), {
        grammar: this.grammar,
        temperature: 0,
        maxTokens: 96,
      });
      return parseJudgeScores(this.grammar.parse(answer));
    } finally {
      session.dispose({ disposeSequence: true });
    }
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}
