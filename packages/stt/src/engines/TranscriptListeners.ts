import type { Disposable, Logger } from '@hearth/graph';
import type { RecognizedSpeech, TranscriptListener } from './SpeechToTextEngine.js';

/** The listener set every engine needs; a throwing listener is logged, never fatal. */
export class TranscriptListeners {
  private readonly listeners = new Set<TranscriptListener>();

  constructor(private readonly logger: Logger) {}

  add(listener: TranscriptListener): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  emit(speech: RecognizedSpeech): void {
    for (const listener of this.listeners) {
      try {
        listener(speech);
      } catch (error) {
        this.logger.error('a transcript listener threw', { error: String(error) });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
