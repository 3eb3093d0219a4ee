import type { Utterance } from '../data/types.js';
import type { JudgeScores } from './judgeRubric.js';

/** Rates one reply in its context with the thesis' rubric. */
export interface Judge {
  /** A label for reports: the GGUF file or the endpoint and model. */
  readonly name: string;
  rate(context: readonly Utterance[], reply: string): Promise<JudgeScores>;
  dispose(): Promise<void>;
}

/** A judge that failed in a way the user can fix (unreachable URL, refused request). */
export class JudgeError extends Error {
  constructor(judge: string, problem: string) {
    super(
      `LLM judge ${judge}: ${problem} Check --judge (a GGUF file or an OpenAI-compatible base URL such as http://127.0.0.1:8000/v1) and --judge-model.`,
    );
    this.name = 'JudgeError';
  }
}
