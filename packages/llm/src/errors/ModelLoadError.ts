import { ModelFileError } from './ModelFileError.js';
import { modelHelp } from './modelHelp.js';

/** llama.cpp refused a file that looked like GGUF (unsupported architecture, bad tensors...). */
export class ModelLoadError extends ModelFileError {
  constructor(filePath: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(filePath, `Could not load the model ${filePath}: ${reason}. ${modelHelp}`, { cause });
    this.name = 'ModelLoadError';
  }
}
