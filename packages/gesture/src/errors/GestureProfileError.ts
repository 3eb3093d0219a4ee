/** One problem found in a gestures file: where it is and how to fix it. */
export interface GestureProfileIssue {
  /** Dotted path of the offending key, e.g. `gestures.nod.keyframes[1].time`. */
  readonly key: string;
  readonly problem: string;
  readonly fix: string;
}

/** A robot profile's gestures file could not be read or is invalid. */
export class GestureProfileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly GestureProfileIssue[],
  ) {
    const lines = issues
      .slice(0, 8)
      .map((issue) => `  ${issue.key || '(file)'}: ${issue.problem}. Fix: ${issue.fix}`);
    if (issues.length > 8) lines.push(`  ... and ${issues.length - 8} more`);
    super(`Invalid gestures file ${file}:\n${lines.join('\n')}`);
    this.name = 'GestureProfileError';
  }
}
