import type { SerializedError } from '../worker/protocol.js';

/**
 * An error the model worker process reported (a failed load, a failed turn), with the name and
 * the file of the error it had there, so logs read the same as with the model in process.
 */
export class ModelWorkerError extends Error {
  readonly filePath: string | undefined;

  constructor(remote: SerializedError) {
    super(remote.message);
    this.name = remote.name;
    this.filePath = remote.filePath;
  }
}
