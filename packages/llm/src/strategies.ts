import { EXTES_STRATEGIES, SUPPORT_STRATEGIES } from '@hearth/interfaces';

/**
 * Support strategies. ESConv (Liu et al., 2021) labels each supporter turn with one of eight,
 * ExTES (Zheng et al., 2023) with one of sixteen; a fine-tuned model may begin each of its
 * messages with the label in brackets, e.g. `[Reflection of feelings] That sounds so heavy.` The
 * label drives gestures and telemetry, and is never spoken.
 */
export const EsconvStrategies = SUPPORT_STRATEGIES;
export type EsconvStrategy = (typeof EsconvStrategies)[number];

export const ExtesStrategies = EXTES_STRATEGIES;
export type ExtesStrategy = (typeof ExtesStrategies)[number];

/** A strategy a reply's tag can name: one of ESConv's eight or ExTES's sixteen. */
export type ReplyStrategy = EsconvStrategy | ExtesStrategy;

/**
 * A strategy label as written by the model, reduced so spelling variants match: lower case,
 * letters only, `&` read as "and", a trailing abbreviation in parentheses (`Reflective
 * Statements (RS)`, as some ExTES prompts write them) and a plural `s` dropped.
 */
function normalizeLabel(label: string): string {
  return label
    .replace(/\([^)]*\)\s*$/, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]/g, '')
    .replace(/s$/, '');
}

// ESConv's names and variants come first, so that a label both datasets use in different
// spellings (ExTES's `Affirmation`, `Others`) resolves to ESConv's name: gesture profiles and
// telemetry key on ESConv's eight. The remaining ExTES names resolve to themselves.
const aliases: ReadonlyMap<string, ReplyStrategy> = (() => {
  const entries: (readonly [string, ReplyStrategy])[] = [
    ...EsconvStrategies.map((s) => [s, s] as const),
    // Variants seen in ESConv-formatted data and in model output (short forms, `&`, hyphens).
    ['Restatement', 'Restatement or Paraphrasing'],
    ['Paraphrasing', 'Restatement or Paraphrasing'],
    ['Reflection', 'Reflection of feelings'],
    ['Affirmation', 'Affirmation and Reassurance'],
    ['Reassurance', 'Affirmation and Reassurance'],
    ['Suggestion', 'Providing Suggestions'],
    ['Other', 'Others'],
    ...ExtesStrategies.map((s) => [s, s] as const),
    ['Normalise Experiences', 'Normalize Experiences'],
    ['Avoid Judgement and Criticism', 'Avoid Judgment and Criticism'],
  ];
  const map = new Map<string, ReplyStrategy>();
  for (const [alias, strategy] of entries) {
    const key = normalizeLabel(alias);
    if (!map.has(key)) map.set(key, strategy);
  }
  return map;
})();

/** The canonical strategy for a tag's label, or undefined when it is none of ESConv's or ExTES's. */
export function resolveStrategy(label: string): ReplyStrategy | undefined {
  return aliases.get(normalizeLabel(label));
}

/** How long a `[...]` may be before it is taken for ordinary text, in characters. */
export const maxStrategyTagLength = 64;

const leadingTag = new RegExp(`^\\s*\\[([^\\]\\n]{1,${maxStrategyTagLength}})\\]\\s*`);

export interface StrippedTag {
  /** The canonical strategy; '' when the text had no tag or an unknown one. */
  readonly strategy: ReplyStrategy | '';
  /** The raw label inside the brackets, '' when there was no tag. */
  readonly label: string;
  /** The text with the tag and the whitespace after it removed. */
  readonly text: string;
}

/**
 * Removes a leading strategy tag. Unknown labels are removed too (speaking them would sound
 * broken), but give strategy ''. Tags later in a reply are the ReplyAssembler's job.
 */
export function stripStrategyTag(text: string): StrippedTag {
  const match = leadingTag.exec(text);
  if (!match) return { strategy: '', label: '', text };
  const label = (match[1] ?? '').trim();
  return { strategy: resolveStrategy(label) ?? '', label, text: text.slice(match[0].length) };
}
