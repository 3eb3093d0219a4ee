/**
 * Whether an older robot may have left an alert retained on the single `hearth/v1/<robot>/alert`
 * topic (robots before per-alert topics kept their newest open alert there), which this version
 * never writes and so would never clear. Told by the outbox folder: a journal there without the
 * marker `alert-topics` means an older robot ran on it. This version leaves the marker once the
 * clear is queued (or at once in a folder of its own), so the clear is sent once per folder, not
 * at every start. The journal must be looked at before the outbox opens the folder (opening
 * creates it).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The marker file in the outbox folder: per-alert topics in use, the legacy topic cleared. */
export const ALERT_TOPICS_MARKER = 'alert-topics';

const MARKER_TEXT = 'alerts/<alertId> topics in use; the legacy alert topic was cleared\n';

export class LegacyAlertTopic {
  private constructor(
    private readonly marker: string,
    /** True while an empty retained message must still clear the legacy topic. */
    public needsClear: boolean,
  ) {}

  /** Looks at `dir` before the outbox opens it (`journal`: the outbox journal's file name). */
  static inspect(dir: string, journal: string): LegacyAlertTopic {
    const marker = join(dir, ALERT_TOPICS_MARKER);
    return new LegacyAlertTopic(marker, existsSync(join(dir, journal)) && !existsSync(marker));
  }

  /** The clear is queued (or none was needed): later starts on this folder send none. */
  async markCleared(): Promise<void> {
    this.needsClear = false;
    if (!existsSync(this.marker)) await writeFile(this.marker, MARKER_TEXT);
  }
}
