/** A download whose byte count differs from the registry's size; the file has been deleted. */
export class DownloadSizeMismatchError extends Error {
  constructor(
    readonly url: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `The file downloaded from ${url} is ${actual} bytes, but the registry says ${expected}. ` +
        'It was deleted. Pull again; if it fails the same way, the file on the server changed: ' +
        'check its size on the repository page and update the registry.',
    );
    this.name = 'DownloadSizeMismatchError';
  }
}
