import { resolveStrategy } from '@hearth/llm';

/** A text split into its leading strategy tag (if any) and the rest. */
export interface TaggedText {
  /** The label inside the brackets as written ('' when untagged). */
  readonly label: string;
  readonly text: string;
}

// The same bound as the llm node's tag reader: a longer bracket is ordinary text.
const leadingTag = /^\s*\[([^\]\n]{1,64})\]\s*/;

/** Removes one leading `[Strategy]` tag; brackets later in the text are left alone. */
export function splitStrategyTag(text: string): TaggedText {
  const match = leadingTag.exec(text);
  if (!match) return { label: '', text: text.trim() };
  return { label: (match[1] ?? '').trim(), text: text.slice(match[0].length).trim() };
}

/**
 * The canonical name of a strategy: ESConv's eight under one spelling (the short TSVs write
 * `Questions` and `Other`, strategy.json `Question` and `Others`), any other label (ExTES has
 * sixteen) as written. Scoring compares canonical names, so spelling variants are not errors.
 */
export function canonicalStrategy(label: string): string {
  const trimmed = label.trim();
  if (trimmed === '') return '';
  return resolveStrategy(trimmed) ?? spellings.get(trimmed.toLowerCase()) ?? trimmed;
}

// Spellings found in the ESConv files that the llm node's alias table does not list:
// `Questions` throughout the short splits, the rest in a few FailedESConv.json turns.
const spellings: ReadonlyMap<string, string> = new Map([
  ['questions', 'Question'],
  ['approval and reassurance', 'Affirmation and Reassurance'],
]);
