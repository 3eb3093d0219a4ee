/** The model worker process ended while a request was in flight (crash, OOM kill, SIGKILL). */
export class ModelWorkerExitedError extends Error {
  constructor(
    readonly filePath: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
  ) {
    super(
      `The model process for ${filePath} ended (${describeExit(exitCode, signal)}); it is ` +
        `being restarted. If this repeats, the model may be too big for this machine's memory ` +
        `or the file damaged: check it with \`hearth models verify ${filePath}\`.`,
    );
    this.name = 'ModelWorkerExitedError';
  }
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `signal ${signal}`;
  return `exit code ${code ?? 'unknown'}`;
}
