/**
 * The part of a `ws` WebSocket the console uses. Declared here because `ws`'s types are not a
 * dependency of this package; @fastify/websocket hands the console a `ws` socket that fits.
 */
export interface ConsoleSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: unknown, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** WebSocket.OPEN in both ws and the browser. */
export const SOCKET_OPEN = 1;
