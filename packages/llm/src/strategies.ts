import { SUPPORT_STRATEGIES } from '@hearth/interfaces';

/**
 * Support strategies. ESConv (Liu et al., 2021) labels each supporter turn with one of eight;
 * a fine-tuned model may begin its reply with the label in brackets, e.g.
 * `[Reflection of feelings] That sounds so heavy.` The label drives gestures and telemetry, and
 * is never spoken. ExTES's sixteen strategies can be added to the alias table without changing
 * any caller.
 */
export const EsconvStrategies = SUPPORT_STRATEGIES;

export type EsconvStrategy = (typeof EsconvStrategies)[number];

/** A strategy label as spoken by the model, reduced to letters so spelling variants match. */
function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]/g, '');
}

// Variants seen in ESConv-formatted data and in model output (short forms, `&`, hyphens).
const aliases: ReadonlyMap<string, EsconvStrategy> = new Map(
  (
    [
      ...EsconvStrategies.map((s): [string, EsconvStrategy] => [s, s]),
      // ESConv's short splits spell these two as `[Questions]` and `[Other]`.
      ['Questions', 'Question'],
      ['Restatement', 'Restatement or Paraphrasing'],
      ['Paraphrasing', 'Restatement or Paraphrasing'],
      ['Reflection', 'Reflection of feelings'],
      ['Affirmation', 'Affirmation and Reassurance'],
      ['Reassurance', 'Affirmation and Reassurance'],
      ['Suggestion', 'Providing Suggestions'],
      ['Suggestions', 'Providing Suggestions'],
      ['Other', 'Others'],
    ] as const
  ).map(([alias, strategy]) => [normalizeLabel(alias), strategy]),
);

/** The canonical ESConv strategy for a tag's label, or undefined when it is not one of them. */
export function resolveStrategy(label: string): EsconvStrategy | undefined {
  return aliases.get(normalizeLabel(label));
}

/** How long a leading `[...]` may be before it is taken for ordinary text, in characters. */
export const maxStrategyTagLength = 64;

export interface StrippedTag {
  /** The canonical strategy; '' when the text had no tag or an unknown one. */
  readonly strategy: EsconvStrategy | '';
  /** The raw label inside the brackets, '' when there was no tag. */
  readonly label: string;
  /** The text with the tag and the whitespace after it removed. */
  readonly text: string;
}

/**
 * Removes a leading strategy tag. Unknown labels are removed too (a model trained on ExTES may
 * emit labels ESConv lacks; speaking them would sound broken), but give strategy ''.
 */
export function stripStrategyTag(text: string): StrippedTag {
  const match = /^\s*\[([^\]\n]{1,64})\]\s*/.exec(text);
  if (!match) return { strategy: '', label: '', text };
  const label = (match[1] ?? '').trim();
  return { strategy: resolveStrategy(label) ?? '', label, text: text.slice(match[0].length) };
}
