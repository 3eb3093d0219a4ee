/** A file whose name no registry entry lists, so there is nothing to check it against. */
export class FileNotInRegistryError extends Error {
  constructor(
    readonly file: string,
    readonly registryFile: string,
    reason: string,
  ) {
    super(
      `Cannot check ${file} against the model registry ${registryFile}: ${reason}. ` +
        '`hearth models verify FILE` without --checksum still checks its header, tensor table ' +
        'and size; pass --registry FILE for another registry.',
    );
    this.name = 'FileNotInRegistryError';
  }
}
