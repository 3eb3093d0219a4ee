import { ModelFileError } from './ModelFileError.js';
import { modelHelp } from './modelHelp.js';

export class ModelFileNotFoundError extends ModelFileError {
  constructor(filePath: string, options?: ErrorOptions) {
    super(filePath, `Model file not found: ${filePath}. ${modelHelp}`, options);
    this.name = 'ModelFileNotFoundError';
  }
}
