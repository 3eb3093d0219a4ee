/**
 * The page's live channel: each browser gets a snapshot when it connects, then every change as it
 * happens. Messages are JSON: `{type: 'snapshot', snapshot}`, `{type: 'change', change}`,
 * `{type: 'broker', connected}`.
 */
import type { WebSocket } from '@fastify/websocket';
import type { DashboardSnapshot, StoreChange } from './store/DashboardStore.js';

export type LiveMessage =
  | {
      readonly type: 'snapshot';
      readonly snapshot: DashboardSnapshot;
      readonly brokerConnected: boolean;
    }
  | { readonly type: 'change'; readonly change: StoreChange }
  | { readonly type: 'broker'; readonly connected: boolean };

export class LiveHub {
  private readonly sockets = new Set<WebSocket>();

  /** Adds a browser and sends it the snapshot first. */
  add(socket: WebSocket, snapshot: LiveMessage): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    socket.send(JSON.stringify(snapshot));
  }

  broadcast(message: LiveMessage): void {
    const text = JSON.stringify(message);
    for (const socket of this.sockets) {
      if (socket.readyState === socket.OPEN) socket.send(text);
    }
  }

  /** Closes every browser's socket (1001: going away), so the server can stop at once. */
  closeAll(): void {
    for (const socket of this.sockets) socket.close(1001, 'dashboard stopping');
    this.sockets.clear();
  }
}
