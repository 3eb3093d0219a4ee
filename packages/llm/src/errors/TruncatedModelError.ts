import { ModelFileError } from './ModelFileError.js';
import { modelHelp } from './modelHelp.js';

/** The file ends before its header or tensor data does, usually an interrupted download or copy. */
export class TruncatedModelError extends ModelFileError {
  constructor(
    filePath: string,
    readonly actualBytes: number,
    /** Bytes the header says the file needs at least; undefined when the header itself is cut. */
    readonly expectedBytes: number | undefined,
    options?: ErrorOptions,
  ) {
    const size =
      expectedBytes === undefined
        ? `its header is cut off after ${actualBytes} bytes`
        : `it has ${actualBytes} bytes but its tensors need at least ${expectedBytes}`;
    super(
      filePath,
      `Truncated GGUF model: ${filePath}: ${size}. Copy or download it again. ${modelHelp}`,
      options,
    );
    this.name = 'TruncatedModelError';
  }
}
