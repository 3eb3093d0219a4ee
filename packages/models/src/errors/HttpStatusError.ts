function hintFor(status: number): string {
  if (status === 404 || status === 410) {
    return 'The file is not at that address: the registry entry’s url may be out of date.';
  }
  if (status === 401 || status === 403) {
    return 'The server refused access: the repository may be gated (accept its licence on its page) or need a token.';
  }
  if (status >= 500) return 'The server failed; try again later.';
  return 'Check the registry entry’s url.';
}

/** The server answered a download with an error status. */
export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    statusText: string,
  ) {
    super(
      `Downloading ${url} failed: HTTP ${status}${statusText ? ` ${statusText}` : ''}. ${hintFor(status)}`,
    );
    this.name = 'HttpStatusError';
  }
}
