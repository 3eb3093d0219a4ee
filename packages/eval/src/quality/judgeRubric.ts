import type { Utterance } from '../data/types.js';

/** The thesis' five criteria, each scored 0 to 10 by the judge. */
export const JudgeCriteria = [
  'engagement',
  'fluency',
  'comforting',
  'appropriateness',
  'suggestion',
] as const;
export type JudgeCriterion = (typeof JudgeCriteria)[number];
export type JudgeScores = Readonly<Record<JudgeCriterion, number>>;

const score = { enum: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } as const;

/**
 * The JSON schema the judge's answer must follow: one integer 0..10 per criterion. An `enum`
 * rather than minimum/maximum, so that a grammar built from it (llama.cpp) and a provider's
 * structured output both enforce the range.
 */
export const judgeSchema = {
  type: 'object',
  properties: {
    engagement: score,
    fluency: score,
    comforting: score,
    appropriateness: score,
    suggestion: score,
  },
  required: ['engagement', 'fluency', 'comforting', 'appropriateness', 'suggestion'],
  additionalProperties: false,
} as const;

export const judgeSystemPrompt =
  'You are an expert in emotional support conversations. You rate one reply of a supporter to a ' +
  'help-seeker. Rate each criterion from 0 (very poor) to 10 (excellent):\n' +
  '- engagement: the reply shows interest in the seeker and invites them to keep talking;\n' +
  '- fluency: the reply is natural, grammatical and easy to understand;\n' +
  '- comforting: the reply makes the seeker feel heard, understood and less distressed;\n' +
  '- appropriateness: the reply fits the conversation, is safe, respectful and not harmful;\n' +
  '- suggestion: the reply offers helpful, concrete and realistic suggestions where they fit.\n' +
  'Answer only with a JSON object with the keys engagement, fluency, comforting, ' +
  'appropriateness and suggestion, each an integer from 0 to 10.';

/** The user message for one reply: the conversation so far and the reply to rate. */
export function judgePrompt(context: readonly Utterance[], reply: string): string {
  const lines = context.map((u) => `${u.speaker === 'seeker' ? 'Seeker' : 'Supporter'}: ${u.text}`);
  return `Conversation:\n${lines.join('\n')}\n\nReply to rate (Supporter): ${reply}`;
}

/** Checks a judge's parsed answer; throws naming what is wrong. */
export function parseJudgeScores(value: unknown): JudgeScores {
  if (typeof value !== 'object' || value === null)
    throw new Error(`the judge answered ${JSON.stringify(value)}, not an object`);
  const record = value as Record<string, unknown>;
  const result: Partial<Record<JudgeCriterion, number>> = {};
  for (const criterion of JudgeCriteria) {
    const score = record[criterion];
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) {
      throw new Error(
        `the judge's "${criterion}" is ${JSON.stringify(score)}, not an integer from 0 to 10`,
      );
    }
    result[criterion] = score;
  }
  return result as JudgeScores;
}
