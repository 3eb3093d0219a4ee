/** Open alerts in memory: for an outbox kept in memory (`outbox_dir: memory`) and for tests. */
import type { AlertPayload } from '../schemas.js';
import type { AlertStore } from './AlertStore.js';

export class MemoryAlertStore implements AlertStore {
  private open: AlertPayload[] = [];

  load(): AlertPayload[] {
    return [...this.open];
  }

  save(open: readonly AlertPayload[]): void {
    this.open = [...open];
  }
}
