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
  if (body === undefined) return send(method, url, undefined, headers);
  return send(method, url, Buffer.from(JSON.stringify(body)), {
    ...headers,
    'content-type': 'application/json',
  });
}

/** A POST of `body` as it is (not necessarily valid JSON, nor of the type it claims). */
export function postRaw(
  url: URL | string,
  body: Buffer,
  contentType = 'application/json',
): Promise<HttpResponse> {
  return send('POST', url, body, { 'content-type': contentType });
}

function send(
  method: string,
  url: URL | string,
  payload: Buffer | undefined,
  headers: Record<string, string>,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent: false,
        headers:
          payload === undefined
            ? headers
            : { ...headers, 'content-length': String(payload.length) },
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
