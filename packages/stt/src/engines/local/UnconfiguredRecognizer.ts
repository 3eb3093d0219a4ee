import type { Disposable } from '@hearth/graph';
import { LocalRecognizerNotConfiguredError } from '../../errors/LocalRecognizerNotConfiguredError.js';
import type { LocalRecognizer } from './LocalRecognizer.js';

/** Stands in until local_command is set, so the node starts and says what to configure. */
export class UnconfiguredRecognizer implements LocalRecognizer {
  readonly description = '(none: set local_command)';
  start(): Promise<void> {
    return Promise.reject(new LocalRecognizerNotConfiguredError());
  }
  acceptAudio(): void {}
  endpoint(): void {}
  onResult(): Disposable {
    return { dispose: () => undefined };
  }
  onFailure(): Disposable {
    return { dispose: () => undefined };
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
  dispose(): void {}
}
