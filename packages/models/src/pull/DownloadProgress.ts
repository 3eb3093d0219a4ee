/** Where a download reports its progress (a terminal bar, a log, nothing). */
export interface DownloadProgress {
  /** Called once per connection; `resumedFrom` bytes were already on disk. */
  start(total: number | null, resumedFrom: number): void;
  update(received: number): void;
  stop(): void;
}

export const silentProgress: DownloadProgress = {
  start: () => undefined,
  update: () => undefined,
  stop: () => undefined,
};
