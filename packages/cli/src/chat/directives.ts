import { CliError } from '../errors.js';

/** One line of `hearth chat`'s stdin: something the person says, or a script directive. */
export type ChatLine =
  | { readonly kind: 'say'; readonly text: string }
  /** Sleep MS before the next line; a reply in progress goes on meanwhile. */
  | { readonly kind: 'wait'; readonly ms: number }
  /** Barge in now, as the wake phrase would while the robot thinks or speaks. */
  | { readonly kind: 'interrupt' }
  /** The person says nothing for MS once the robot has finished: its timers run. */
  | { readonly kind: 'silence'; readonly ms: number };

const MAX_MS = 24 * 60 * 60 * 1000;

function milliseconds(directive: string, argument: string | undefined, lineNumber: number): number {
  const ms = Number(argument);
  if (argument === undefined || !Number.isInteger(ms) || ms < 0 || ms > MAX_MS) {
    throw new CliError(
      `Line ${lineNumber}: ${directive} needs a whole number of milliseconds, e.g. "${directive} 2000" ` +
        `(got "${argument ?? ''}").`,
    );
  }
  return ms;
}

/**
 * Reads one stdin line: `/wait MS`, `/interrupt`, `/silence MS`, or else an utterance. An empty
 * line is nothing (undefined). A line starting with `//` is said as text without its first slash,
 * so a person can still say something that begins with a slash.
 */
export function parseChatLine(line: string, lineNumber: number): ChatLine | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  if (text.startsWith('//')) return { kind: 'say', text: text.slice(1) };
  if (!text.startsWith('/')) return { kind: 'say', text };
  const [directive = '', argument, ...extra] = text.split(/\s+/);
  if (extra.length > 0) {
    throw new CliError(
      `Line ${lineNumber}: "${text}" has too many arguments; see hearth chat --help.`,
    );
  }
  switch (directive) {
    case '/wait':
      return { kind: 'wait', ms: milliseconds(directive, argument, lineNumber) };
    case '/silence':
      return { kind: 'silence', ms: milliseconds(directive, argument, lineNumber) };
    case '/interrupt':
      if (argument !== undefined) {
        throw new CliError(`Line ${lineNumber}: /interrupt takes no argument.`);
      }
      return { kind: 'interrupt' };
    default:
      throw new CliError(
        `Line ${lineNumber}: unknown directive "${directive}". Use /wait MS, /interrupt or /silence MS ` +
          '(start the line with // to say text that begins with a slash).',
      );
  }
}
