/**
 * Starts the simulator's web console: a fastify server with the chat page, the websocket the
 * page talks through, and the robot's voice files. The server is the graph's `console` node.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { GraphNode } from '@hearth/graph';
import type { MachineNodeLike } from './machine/machineGraph.js';
import { registerAudioRoute } from './audioRoute.js';
import { ClientHub } from './ClientHub.js';
import { ConsoleBridge } from './ConsoleBridge.js';
import type { ConsoleSocket } from './ConsoleSocket.js';
import { ConsoleListenError } from './errors/ConsoleListenError.js';
import { ConsolePortInUseError } from './errors/ConsolePortInUseError.js';

export interface ConsoleOptions {
  /** The graph node the console runs as; create it with NodeNames.console. Stays the caller's to destroy. */
  readonly node: GraphNode;
  /** Address to listen on. Default 127.0.0.1: the console controls the robot, keep it local. */
  readonly host?: string;
  /** Port to listen on; 0 picks a free one. Default 8080. */
  readonly port?: number;
  /** Folder the tts node writes its WAV files to; created when missing. */
  readonly audioDir: string;
  /** Lines shown in the page's banner, e.g. that no model is installed and how to install one. */
  readonly notices?: readonly string[];
  /**
   * The gesture node's name (`NodeNames.gesture`), `/ns/name` or one in the console node's
   * namespace. The console reaches its parameters through a parameter client (ROS 2's parameter
   * services), in this process or another: the tuning panel reads and sets them, and the figure
   * shows the robot profile its `gestures_file` names. Without it the tuning panel says it
   * cannot reach the node.
   */
  readonly gesturesNode?: string;
  /**
   * audio_in's name (`NodeNames.audioIn`): the page then shows a notice when its voice activity
   * runs on another detector than its `vad` parameter asks for (Silero did not load and the
   * energy detector took over). Without it that fallback is only in audio_in's log.
   */
  readonly audioNode?: string;
  /** How long the console waits for the gesture node's parameters. Default 2000 ms. */
  readonly gesturesTimeoutMs?: number;
  /** The robot profile the figure shows until (or unless) the gesture node names its own. Default: the generic humanoid. */
  readonly gesturesFile?: string;
  /** The state machine the live view draws. Default: the dialogue node's (`dialogueMachine.root`). */
  readonly machine?: MachineNodeLike;
}

export interface ConsoleHandle {
  /** The page's address, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  readonly port: number;
  /** Closes every browser connection and the server. Idempotent. */
  close(): Promise<void>;
}

/** The page's files, next to src/ and dist/ alike. */
const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/** Long enough for a node starting beside the console; short enough not to hold up the page. */
const DEFAULT_GESTURES_TIMEOUT_MS = 2000;

/** Largest websocket frame a browser may send; far above any allowed message. */
const MAX_FRAME_BYTES = 64 * 1024;

/** Everything the page loads comes from this server: no CDN, no inline script. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "media-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'";

export async function startConsole(options: ConsoleOptions): Promise<ConsoleHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  const { node } = options;
  await mkdir(options.audioDir, { recursive: true });

  const bridge = new ConsoleBridge(node, {
    audioDir: options.audioDir,
    notices: options.notices ?? [],
    ...(options.gesturesNode === undefined
      ? {}
      : {
          gestures: node.createParameterClient(options.gesturesNode, {
            timeoutMs: options.gesturesTimeoutMs ?? DEFAULT_GESTURES_TIMEOUT_MS,
          }),
        }),
    ...(options.audioNode === undefined
      ? {}
      : {
          audio: node.createParameterClient(options.audioNode, {
            timeoutMs: options.gesturesTimeoutMs ?? DEFAULT_GESTURES_TIMEOUT_MS,
          }),
        }),
    ...(options.gesturesFile ? { gesturesFile: options.gesturesFile } : {}),
    ...(options.machine ? { machine: options.machine } : {}),
  });
  // The first page load should already show the robot's figure.
  await bridge.ready;
  const hub = new ClientHub(bridge, node.logger);
  const app = Fastify({ logger: false, forceCloseConnections: true });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: 'index.html' });
  registerAudioRoute(app, options.audioDir);
  app.get(
    '/ws',
    { websocket: true, preValidation: refuseForeignOrigin },
    (socket: ConsoleSocket) => {
      hub.accept(socket);
    },
  );

  try {
    await app.listen({ host, port });
  } catch (error) {
    hub.dispose();
    bridge.dispose();
    await app.close();
    throw listenError(host, port, error);
  }

  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const url = `http://${urlHost(host)}:${boundPort}/`;
  node.logger.info('web console listening', { url });

  let closing: Promise<void> | null = null;
  return {
    url,
    port: boundPort,
    close(): Promise<void> {
      closing ??= (async () => {
        hub.dispose();
        bridge.dispose();
        await app.close();
      })();
      return closing;
    },
  };
}

/**
 * Browsers let any web page open a websocket to localhost; only the console's own page may
 * drive the robot. Tools without an Origin header (tests, curl) are allowed.
 */
async function refuseForeignOrigin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (originHost(origin) !== request.headers.host) {
    await reply
      .code(403)
      .send({ error: 'forbidden', message: 'Only the console page may connect.' });
  }
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function listenError(host: string, port: number, error: unknown): Error {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'EADDRINUSE') return new ConsolePortInUseError(host, port);
  const reason = error instanceof Error ? error.message : String(error);
  return new ConsoleListenError(host, port, reason, { cause: error });
}

/** An address a browser can open: wildcard hosts become localhost, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
