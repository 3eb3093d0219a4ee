/**
 * The browsers connected to the console: greets each with a snapshot, validates what they send,
 * hands valid commands to the bridge, answers errors on the same socket, and broadcasts what
 * the graph does to all of them.
 */
import type { Logger } from '@hearth/graph';
import type { ConsoleBridge } from './ConsoleBridge.js';
import { SOCKET_OPEN, type ConsoleSocket } from './ConsoleSocket.js';
import { parseClientMessage, type ServerMessage } from './protocol.js';

/** Close code for "going away" (server shutdown), so the page knows to reconnect later. */
const CLOSE_GOING_AWAY = 1001;

export class ClientHub {
  private readonly sockets = new Set<ConsoleSocket>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly bridge: ConsoleBridge,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = bridge.onMessage((message) => this.broadcast(message));
  }

  get size(): number {
    return this.sockets.size;
  }

  accept(socket: ConsoleSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', (error) => {
      this.logger.debug('console socket error', { reason: error.message });
      this.sockets.delete(socket);
    });
    socket.on('message', (data, isBinary) => this.receive(socket, data, isBinary));
    this.send(socket, { type: 'snapshot', snapshot: this.bridge.snapshot() });
  }

  dispose(): void {
    this.unsubscribe();
    for (const socket of this.sockets) socket.close(CLOSE_GOING_AWAY, 'console shutting down');
    this.sockets.clear();
  }

  private receive(socket: ConsoleSocket, data: unknown, isBinary: boolean): void {
    const text = isBinary ? null : frameText(data);
    if (text === null) {
      this.send(socket, {
        type: 'error',
        code: 'invalid_message',
        message: 'Send text frames holding JSON.',
      });
      return;
    }
    const parsed = parseClientMessage(text, this.bridge.maxTextLength);
    if (!parsed.ok) {
      this.send(socket, { type: 'error', code: parsed.code, message: parsed.message });
      return;
    }
    this.bridge.handle(parsed.message).then(
      (reply) => {
        if (reply) this.send(socket, reply);
      },
      (error: unknown) => {
        this.logger.error('console command failed', { reason: String(error) });
        this.send(socket, {
          type: 'error',
          code: 'internal',
          message: 'The console could not do that; see the log.',
        });
      },
    );
  }

  private broadcast(message: ServerMessage): void {
    for (const socket of this.sockets) this.send(socket, message);
  }

  private send(socket: ConsoleSocket, message: ServerMessage): void {
    if (socket.readyState !== SOCKET_OPEN) return;
    socket.send(JSON.stringify(message));
  }
}

/** A ws text frame arrives as a Buffer (or fragments); anything else is not ours. */
function frameText(data: unknown): string | null {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data) && data.every((part) => Buffer.isBuffer(part)))
    return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return null;
}
