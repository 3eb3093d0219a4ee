/**
 * The embedded MQTT broker (aedes) that `hearth start` runs when no broker URL is given, so the
 * simulator needs nothing installed. Production robots point at mosquitto, EMQX or HiveMQ.
 * aedes keeps retained messages and sends last wills in memory, which is all the simulator needs.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Aedes } from 'aedes';
import { PortInUseError } from '../errors/PortInUseError.js';

export interface EmbeddedBrokerOptions {
  /** Interface to listen on; default 127.0.0.1 (the broker is for this machine). */
  readonly host?: string;
  /** TCP port; default 1883; 0 picks a free one. */
  readonly port?: number;
}

export interface EmbeddedBroker {
  /** e.g. `mqtt://127.0.0.1:1883`, for MQTT clients. */
  readonly url: string;
  readonly host: string;
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /** Disconnects every client and stops listening. Idempotent. */
  close(): Promise<void>;
}

export async function startEmbeddedBroker(
  options: EmbeddedBrokerOptions = {},
): Promise<EmbeddedBroker> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 1883;
  const aedes = await Aedes.createBroker();
  const server = createServer(aedes.handle);
  // Tracked so close() never waits on a client that ignores the broker going away.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  try {
    await listen(server, requestedPort, host);
  } catch (error) {
    await closeAedes(aedes);
    if (isErrnoException(error) && error.code === 'EADDRINUSE') {
      throw new PortInUseError(requestedPort, host);
    }
    throw error;
  }

  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : requestedPort;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `mqtt://${urlHost}:${port}`,
    host,
    port,
    close() {
      closing ??= (async () => {
        await closeAedes(aedes);
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await serverClosed;
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeAedes(aedes: Aedes): Promise<void> {
  return new Promise((resolve) => aedes.close(() => resolve()));
}

// Duck-typed rather than `instanceof Error`: errors from node:net may come from another realm
// (jest's vm contexts), where instanceof is false.
function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}
