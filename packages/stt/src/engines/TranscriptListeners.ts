import { Listeners, type Logger } from '@hearth/graph';
import type { RecognizedSpeech } from './SpeechToTextEngine.js';

/** The listener set every engine needs; a throwing listener is logged, never fatal. */
export class TranscriptListeners extends Listeners<RecognizedSpeech> {
  constructor(logger: Logger) {
    super((error) => logger.error('a transcript listener threw', { error: String(error) }));
  }
}
