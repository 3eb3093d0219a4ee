/**
 * One JSON POST with a deadline, on node:http(s) without keep-alive (a webhook is called rarely;
 * a pooled socket would only hold the process open). Never rejects: the outcome says what failed.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PostOutcome {
  readonly ok: boolean;
  /** `HTTP 204`, `HTTP 500`, `timed out after 10000 ms`, `connect ECONNREFUSED ...`. */
  readonly detail: string;
}

export type PostJson = (url: string, body: unknown, timeoutMs: number) => Promise<PostOutcome>;

export const postJson: PostJson = (url, body, timeoutMs) =>
  new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const target = new URL(url);
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
          'user-agent': 'hearth-dashboard',
        },
        timeout: timeoutMs,
      },
      (res) => {
        // Drain the body so the socket closes; its content is not needed.
        res.resume();
        const status = res.statusCode ?? 0;
        res.on('end', () =>
          resolve({ ok: status >= 200 && status < 300, detail: `HTTP ${status}` }),
        );
        res.on('error', (error) => resolve({ ok: false, detail: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ ok: false, detail: error.message }));
    req.end(payload);
  });
