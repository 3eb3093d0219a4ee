import { lstat, open, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@hearth/graph';
import { isTtsAudioFileName, isWavHeader } from './ttsAudioFileName.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often old reply audio is purged while the node runs. */
export const AUDIO_PURGE_PERIOD_MS = 60 * 60 * 1000;

export interface AudioRetentionOptions {
  /** The folder and the days to keep, read at every purge (parameters may change). */
  readonly settings: () => { readonly audioDir: string; readonly retentionDays: number };
  readonly logger: Logger;
  /** Wall-clock time (file times are wall-clock); Date.now by default. */
  readonly now?: () => number;
  /** The hourly timer; tests inject their own. */
  readonly setInterval?: (run: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
}

/**
 * Removes the reply audio the tts node wrote once it is older than `audio_retention_days`, at
 * start and hourly: what the person heard is their words in the robot's voice, and must not pile
 * up forever in a shared folder. Only plain files (never links or folders) in the folder itself,
 * named as the node names its WAVs and starting with a WAV header, are removed; 0 days keeps all.
 */
export class AudioRetention {
  private readonly now: () => number;
  private readonly clear: (handle: unknown) => void;
  private readonly timer: unknown;
  private running: Promise<string[]> = Promise.resolve([]);
  private disposed = false;

  constructor(private readonly options: AudioRetentionOptions) {
    this.now = options.now ?? Date.now;
    this.clear = options.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout));
    const every =
      options.setInterval ??
      ((run: () => void, ms: number) => {
        const handle = setInterval(run, ms);
        // The purge must never keep the process alive on its own.
        handle.unref();
        return handle;
      });
    this.timer = every(() => void this.purge(), AUDIO_PURGE_PERIOD_MS);
    void this.purge();
  }

  /** Purges now (after any purge under way); resolves with the paths removed. */
  purge(): Promise<string[]> {
    this.running = this.running.then(() => (this.disposed ? [] : this.purgeOnce()));
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    this.clear(this.timer);
  }

  private async purgeOnce(): Promise<string[]> {
    const { audioDir, retentionDays } = this.options.settings();
    if (!(retentionDays > 0)) return [];
    const cutoff = this.now() - retentionDays * DAY_MS;
    let entries;
    try {
      entries = await readdir(audioDir, { withFileTypes: true });
    } catch (error) {
      // No folder yet: nothing was spoken. Anything else is worth a warning, never a crash.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.options.logger.warn('cannot list the audio folder for retention', {
          audioDir,
          error: String(error),
        });
      return [];
    }
    const removed: string[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || !isTtsAudioFileName(entry.name)) continue;
      const path = join(audioDir, entry.name);
      try {
        if (await this.isOldTtsWav(path, cutoff)) {
          await unlink(path);
          removed.push(path);
        }
      } catch (error) {
        // Gone meanwhile, or not ours to remove: leave it and go on with the rest.
        this.options.logger.debug('audio retention skipped a file', {
          path,
          error: String(error),
        });
      }
    }
    if (removed.length > 0)
      this.options.logger.info('removed old reply audio', {
        audioDir,
        files: removed.length,
        retentionDays,
      });
    return removed;
  }

  private async isOldTtsWav(path: string, cutoff: number): Promise<boolean> {
    const stats = await lstat(path);
    if (!stats.isFile() || stats.mtimeMs >= cutoff) return false;
    const file = await open(path, 'r');
    try {
      const head = new Uint8Array(12);
      const { bytesRead } = await file.read(head, 0, 12, 0);
      return isWavHeader(head.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  }
}
