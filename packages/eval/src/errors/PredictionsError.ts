/** A predictions file that cannot be used: names the file, the line and the fix. */
export class PredictionsError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(
      `${file}${line === undefined ? '' : `:${line}`}: ${problem} A predictions file has one JSON object per line: {"id": <0-based example line number>, "reply": "<text>"}.`,
    );
    this.name = 'PredictionsError';
  }
}
