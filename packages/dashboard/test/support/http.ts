/**
 * Minimal HTTP client for tests, on node:http without keep-alive: the global fetch (undici) keeps
 * sockets around after the test and jest then reports a worker that does not exit.
 */
import { request } from 'node:http';

export interface HttpResponse {
  readonly status: number;
  readonly text: string;
  readonly headers: import('node:http').IncomingHttpHeaders;
  json<T>(): T;
}

export function http(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: URL | string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent: false,
        headers:
          payload === undefined
            ? headers
            : {
                ...headers,
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(payload)),
              },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            text,
            headers: res.headers,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
