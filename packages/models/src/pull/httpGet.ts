import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/**
 * A GET with node:http(s), following redirects (model hosts redirect to a CDN). node:http rather
 * than fetch: its 'data' events hand over every byte the parser has read before a connection
 * drops, whereas a web stream discards the chunks still queued when it errors, and those bytes
 * are what a resumed download starts from.
 */
export async function httpGet(
  url: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<IncomingMessage> {
  let current = new URL(url);
  for (let redirects = 0; ; redirects += 1) {
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const send = current.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(current, { method: 'GET', headers, signal }, resolve);
      request.once('error', reject);
      request.end();
    });
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined) return response;
    response.resume();
    if (redirects >= MAX_REDIRECTS) {
      throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
    }
    current = new URL(location, current);
  }
}
