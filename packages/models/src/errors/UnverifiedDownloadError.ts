/**
 * A registry entry without a SHA-256: Hearth will not install a file it cannot verify unless
 * the person says so, because a truncated, tampered or wrong file would otherwise be loaded
 * into the robot's model process.
 */
export class UnverifiedDownloadError extends Error {
  constructor(
    readonly subject: string,
    readonly registryFile: string,
  ) {
    super(
      `${subject} has no SHA-256 in ${registryFile}, so its download cannot be verified and ` +
        'Hearth will not install it. Add its sha256 to the registry (Hugging Face shows it on the ' +
        "file's page), or pass --insecure-skip-checksum to install it unverified; the SHA-256 " +
        'Hearth computes is then printed so you can add it.',
    );
    this.name = 'UnverifiedDownloadError';
  }
}
