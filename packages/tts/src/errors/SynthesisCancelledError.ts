/** Synthesis stopped because its AbortSignal fired (a cancelled say goal, a barge-in). */
export class SynthesisCancelledError extends Error {
  constructor() {
    super('Speech synthesis was cancelled before it finished.');
    this.name = 'SynthesisCancelledError';
  }
}
