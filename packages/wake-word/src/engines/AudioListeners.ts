import { Listeners, type Logger } from '@hearth/graph';
import type { WakeDetection } from './WakeWordEngine.js';

/** The listener set engines share: a throwing listener is logged and the others still run. */
export class DetectionListeners extends Listeners<WakeDetection> {
  constructor(logger: Logger) {
    super((error) => logger.error('a wake listener threw', { error: String(error) }));
  }
}
