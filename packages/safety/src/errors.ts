/** Options for the screener that cannot work (a window of no turns, a negative age...). */
export class InvalidScreenerOptionError extends Error {
  constructor(option: string, value: unknown, fix: string) {
    super(`SafetyScreener option ${option} is ${JSON.stringify(value)}: ${fix}`);
    this.name = 'InvalidScreenerOptionError';
  }
}
