/**
 * What the model-based classifier asks and the JSON it must answer with. The schema becomes a
 * llama.cpp grammar, so even a model that would ramble can only write one valid object.
 */
import { isRiskCategory, isRiskLevel } from '../levels.js';
import type { ClassifierVerdict } from '../classifier.js';

/** Written out rather than spread from `RiskLevels`, so the grammar sees literal types. */
export const riskVerdictSchema = {
  type: 'object',
  properties: {
    level: { enum: ['none', 'low', 'moderate', 'high', 'imminent'] },
    category: {
      enum: [
        'none',
        'suicidal_ideation',
        'self_harm',
        'harm_to_others',
        'abuse',
        'medical_emergency',
      ],
    },
  },
  required: ['level', 'category'],
  additionalProperties: false,
} as const;

export const riskSystemPrompt =
  'You screen one message that a person said to a companion robot for risk to their safety. ' +
  'Answer only with a JSON object {"level": ..., "category": ...}.\n' +
  'level: "none" (no risk; idioms like "this traffic is killing me", jokes, fiction, talk about ' +
  'others in the past), "low" (distress or passive thoughts, someone else at risk), "moderate" ' +
  '(thoughts of dying or self-harm without a plan), "high" (a wish to die, to kill or harm ' +
  'oneself or someone, being abused, a medical emergency), "imminent" (a plan, means or a time: ' +
  '"tonight", "I have the pills here").\n' +
  'category: "suicidal_ideation", "self_harm", "harm_to_others", "abuse", ' +
  '"medical_emergency", or "none" when the level is none.';

/** Long messages are cut: a turn is a few sentences, and the context stays small. */
const MAX_MESSAGE_CHARS = 2000;

export function riskPrompt(text: string): string {
  return `Message: ${text.slice(0, MAX_MESSAGE_CHARS)}`;
}

/** The model's parsed answer as a verdict; throws naming what is wrong. */
export function parseRiskVerdict(value: unknown): ClassifierVerdict {
  const record =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const { level, category } = record;
  if (!isRiskLevel(level))
    throw new Error(`the classifier answered ${JSON.stringify(value)}: no valid level`);
  return { level, category: isRiskCategory(category) ? category : null };
}
