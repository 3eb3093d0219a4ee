/** A downloaded file whose SHA-256 differs from the registry's; the file has been deleted. */
export class ChecksumMismatchError extends Error {
  constructor(
    readonly url: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `The file downloaded from ${url} has SHA-256 ${actual}, but the registry expects ` +
        `${expected}. It was deleted. Pull again; if it fails the same way, the file on the ` +
        'server changed: check its SHA-256 on the repository page and update the registry.',
    );
    this.name = 'ChecksumMismatchError';
  }
}
