/** The connection failed and retries ran out; what arrived is kept for the next attempt. */
export class DownloadInterruptedError extends Error {
  constructor(
    readonly url: string,
    readonly partialFile: string,
    readonly receivedBytes: number,
    cause: unknown,
  ) {
    super(
      `Downloading ${url} was interrupted after ${receivedBytes} bytes ` +
        `(${cause instanceof Error ? cause.message : String(cause)}). The bytes received are kept ` +
        `in ${partialFile}: run the same command again to resume.`,
      { cause },
    );
    this.name = 'DownloadInterruptedError';
  }
}
