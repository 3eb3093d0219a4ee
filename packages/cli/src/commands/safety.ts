import { createInterface } from 'node:readline';
import { SafetyScreener, type ScreenResult } from '@hearth/safety';

export interface SafetyScreenOptions {
  json: boolean;
  /** Screen each line on its own instead of as turns of one conversation. */
  separate: boolean;
}

/** One message's answer as `--json` prints it. */
export function screenJson(text: string, result: ScreenResult): Record<string, unknown> {
  return { text, level: result.level, category: result.category, reasons: result.reasons };
}

/**
 * One readable line: level, category, the message, the reason that decided it, and what the
 * recent turns changed.
 */
export function screenText(text: string, result: ScreenResult): string {
  const shown = [
    result.reasons[0],
    ...result.reasons.slice(1).filter((reason) => reason.startsWith('recent turns')),
  ].filter((reason) => reason !== undefined);
  const reason = shown.length > 0 ? `  (${shown.join('; ')})` : '';
  return `${result.level.toUpperCase().padEnd(8)} ${(result.category ?? '-').padEnd(17)} ${JSON.stringify(text)}${reason}`;
}

/**
 * `hearth safety screen`: one message per line on stdin, one line per message on stdout. The
 * lines are read as the turns of one conversation (recent turns weigh in, as in the dialogue)
 * unless `--separate`. Blank lines are skipped. Exits 0 at the end of input.
 */
export async function safetyScreenCommand(
  options: SafetyScreenOptions,
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
): Promise<number> {
  const screener = new SafetyScreener();
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    const result = screener.screen(text, options.separate ? {} : { sessionId: 'stdin' });
    out.write(
      options.json
        ? `${JSON.stringify(screenJson(text, result))}\n`
        : `${screenText(text, result)}\n`,
    );
  }
  return 0;
}
