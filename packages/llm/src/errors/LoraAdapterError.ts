/** A LoRA adapter that is missing, not GGUF, or that llama.cpp refuses for this model. */
export class LoraAdapterError extends Error {
  constructor(
    readonly filePath: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(
      `LoRA adapter ${filePath} cannot be applied: ${reason}. Check that lora_path names a GGUF ` +
        `LoRA adapter made for this base model (convert it with llama.cpp's ` +
        `convert_lora_to_gguf.py), or set lora_path to '' to run the base model.`,
      options,
    );
    this.name = 'LoraAdapterError';
  }
}
