/** A model or adapter the evaluation cannot use; names the file and the fix. */
export class EvalModelError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `${file}: ${problem} Pass --model with a GGUF chat model (and --lora with a GGUF LoRA adapter made for it), or score existing replies with --predictions.`,
    );
    this.name = 'EvalModelError';
  }
}
