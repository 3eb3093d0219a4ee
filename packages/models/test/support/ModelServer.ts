import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedRequest {
  readonly path: string;
  readonly range: string | undefined;
}

/**
 * A local HTTP server (127.0.0.1 only) serving files from memory with Range support, like a
 * model repository. `dropAfter(path, bytes)` makes the next response for `path` stop after that
 * many body bytes by closing the socket: a connection lost mid-file.
 */
export class ModelServer {
  readonly requests: ServedRequest[] = [];
  private readonly files = new Map<string, Uint8Array>();
  private readonly drops = new Map<string, number[]>();
  private server: Server | undefined;

  serve(path: string, content: Uint8Array): void {
    this.files.set(path, content);
  }

  /** The next response(s) for `path` break off after `bytes` bytes of body, once per call. */
  dropAfter(path: string, bytes: number): void {
    this.drops.set(path, [...(this.drops.get(path) ?? []), bytes]);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push({ path, range: request.headers.range });
    const content = this.files.get(path);
    if (content === undefined) {
      response.writeHead(404, 'Not Found').end('not found');
      return;
    }
    let start = 0;
    const match = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    if (match) {
      start = Number(match[1]);
      if (start >= content.length) {
        response.writeHead(416, { 'Content-Range': `bytes */${content.length}` }).end();
        return;
      }
      response.writeHead(206, {
        'Content-Length': content.length - start,
        'Content-Range': `bytes ${start}-${content.length - 1}/${content.length}`,
        'Accept-Ranges': 'bytes',
      });
    } else {
      response.writeHead(200, { 'Content-Length': content.length, 'Accept-Ranges': 'bytes' });
    }
    const body = content.subarray(start);
    const drop = this.drops.get(path)?.shift();
    if (drop === undefined) {
      response.end(body);
      return;
    }
    // Send part of the body, then close the connection as a failing network path would. A
    // graceful close (FIN, not RST) so the client surely receives the bytes that were sent.
    response.write(body.subarray(0, drop), () => request.socket.end());
  }
}
