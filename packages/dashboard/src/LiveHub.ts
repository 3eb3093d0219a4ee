/**
 * The page's live channel: each browser gets a snapshot when it connects, then every change as it
 * happens. Messages are JSON: `{type: 'snapshot', snapshot}`, `{type: 'change', change}`,
 * `{type: 'broker', connected}`.
 */
import type { WebSocket } from '@fastify/websocket';
import type { DashboardSnapshot, RobotScope, StoreChange } from './store/DashboardStore.js';

/** Whose browser a socket is: changes are sent only about robots it may see. */
export interface Viewer {
  readonly userName: string;
  /** The login's token hash; absent in development mode. */
  readonly loginHash?: string;
  readonly scope: RobotScope;
}

export type LiveMessage =
  | {
      readonly type: 'snapshot';
      readonly snapshot: DashboardSnapshot;
      readonly brokerConnected: boolean;
    }
  | { readonly type: 'change'; readonly change: StoreChange }
  | { readonly type: 'broker'; readonly connected: boolean };

export class LiveHub {
  private readonly sockets = new Map<WebSocket, Viewer>();

  /** Adds a browser and sends it the snapshot first. */
  add(socket: WebSocket, viewer: Viewer, snapshot: LiveMessage): void {
    this.sockets.set(socket, viewer);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    socket.send(JSON.stringify(snapshot));
  }

  broadcast(message: LiveMessage): void {
    const text = JSON.stringify(message);
    for (const [socket, viewer] of this.sockets) {
      if (message.type === 'change' && !sees(viewer.scope, message.change.robot.robot)) continue;
      if (socket.readyState === socket.OPEN) socket.send(text);
    }
  }

  /**
   * Closes a user's sockets (4001) after their account changed: the page reconnects, and gets a
   * new snapshot with what it may now see, or the login form.
   */
  closeUser(userName: string): void {
    this.closeWhere((viewer) => viewer.userName === userName, 'account changed');
  }

  /** Closes the sockets of one login (logout). */
  closeLogin(loginHash: string): void {
    this.closeWhere((viewer) => viewer.loginHash === loginHash, 'logged out');
  }

  /** Closes every browser's socket (1001: going away), so the server can stop at once. */
  closeAll(): void {
    for (const socket of this.sockets.keys()) socket.close(1001, 'dashboard stopping');
    this.sockets.clear();
  }

  private closeWhere(match: (viewer: Viewer) => boolean, reason: string): void {
    for (const [socket, viewer] of this.sockets)
      if (match(viewer)) {
        socket.close(4001, reason);
        this.sockets.delete(socket);
      }
  }
}

function sees(scope: RobotScope, robot: string): boolean {
  return scope === 'all' || scope.includes(robot);
}
