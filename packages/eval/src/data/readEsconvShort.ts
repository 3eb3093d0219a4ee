import { DatasetError } from '../errors/DatasetError.js';
import { canonicalStrategy, splitStrategyTag } from './strategyTag.js';
import type { EvalDataset, EvalExample, Utterance } from './types.js';

const fix = 'Each line must be utterances joined by " EOS ", each "<flag> <0|1> <turn> <text>".';
// `<flag> <speaker> <turn> <text>`: the flag is a float (1.0 on the gold and on every utterance of
// a window that starts at the dialogue's beginning; 0.0 otherwise). Hearth does not use it.
const utterancePattern = /^(\d+(?:\.\d+)?) ([01]) (\d+)(?: (.*))?$/s;

/** An utterance of a short-split line, with its index in the dialogue. */
export interface NumberedUtterance extends Utterance {
  /** The utterance's 0-based index in its dialogue (the `<turn>` field). */
  readonly turn: number;
}

/** Parses one line of a short split into its utterances; throws DatasetError on a bad one. */
export function parseShortLine(
  file: string,
  lineNumber: number,
  rawLine: string,
): NumberedUtterance[] {
  const line = rawLine.replace(/\r$/, '');
  if (line.trim() === '') {
    throw new DatasetError(file, lineNumber, 'the line is empty.', fix);
  }
  return line.split(' EOS ').map((part) => {
    const match = utterancePattern.exec(part.trim());
    if (!match) {
      throw new DatasetError(
        file,
        lineNumber,
        `"${part.trim().slice(0, 40)}" is not an utterance.`,
        fix,
      );
    }
    const speaker = match[2] === '1' ? 'supporter' : 'seeker';
    const tagged =
      speaker === 'supporter'
        ? splitStrategyTag(match[4] ?? '')
        : { label: '', text: (match[4] ?? '').trim() };
    return {
      speaker,
      text: tagged.text,
      strategy: canonicalStrategy(tagged.label),
      turn: Number(match[3]),
    };
  });
}

/**
 * Reads an ESConv short split (`testWithStrategy_short.tsv`, `devWithStrategy_short.tsv`): one
 * example per line, its last utterance the gold reply. Lines whose last utterance is the
 * seeker's are skipped and reported, never scored against a seeker's words.
 */
export function parseEsconvShort(file: string, content: string): EvalDataset {
  const lines = content.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const examples: EvalExample[] = [];
  const skipped: { where: string; reason: string }[] = [];
  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const utterances: Utterance[] = parseShortLine(file, lineNumber, rawLine).map(
      ({ speaker, text, strategy }) => ({ speaker, text, strategy }),
    );
    const gold = utterances.at(-1);
    if (gold === undefined || gold.speaker !== 'supporter') {
      skipped.push({ where: `line ${lineNumber}`, reason: 'its last utterance is the seeker’s' });
      return;
    }
    examples.push({
      id: index,
      dialogueId: '',
      context: utterances.slice(0, -1),
      gold: gold.text,
      goldStrategy: gold.strategy,
    });
  });
  return { file, format: 'esconv-short', examples, skipped };
}
