/** A node, publisher or client was used after destroy() or the transport's shutdown(). */
export class GraphEntityDestroyedError extends Error {
  constructor(readonly what: string) {
    super(`${what} was destroyed. Fix: do not use it after destroy() or shutdown().`);
    this.name = 'GraphEntityDestroyedError';
  }
}
