import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import zlib from 'node:zlib';
import { assertPublicUrl, type GuardOptions, type ResolvedAddress } from '@/lib/net/assert-public-url';

export type GuardedRequestInit = { method?: string; headers?: HeadersInit; body?: string; signal?: AbortSignal };
export type GuardedFetch = (url: string | URL, init?: GuardedRequestInit, opts?: GuardOptions) => Promise<Response>;

/**
 * Answers the socket's name lookup with the addresses assertPublicUrl already checked, so the
 * connection goes to exactly those and the name is not resolved a second time (DNS rebinding).
 * Node skips the lookup for IP literals, which assertPublicUrl checked as they are.
 */
function pinnedLookup(addresses: ResolvedAddress[]): net.LookupFunction {
  return (_hostname, options, callback) => {
    const usable = addresses.filter((a) => !options.family || a.family === options.family);
    if (usable.length === 0) {
      callback(Object.assign(new Error('No checked address of the requested family'), { code: 'ENOTFOUND' }), '', 0);
    } else if (options.all) {
      callback(null, usable);
    } else {
      callback(null, usable[0]!.address, usable[0]!.family);
    }
  };
}

function decoderFor(coding: string | null): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch (coding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

function toResponse(res: http.IncomingMessage, method: string, signal: AbortSignal | undefined): Response {
  const status = res.statusCode ?? 0;
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
    } catch {
      // A header value fetch would refuse is dropped rather than failing the whole answer.
    }
  }
  const onAbort = () => res.destroy(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  res.once('close', () => signal?.removeEventListener('abort', onAbort));
  if (method === 'HEAD' || status === 204 || status === 205 || status === 304) {
    res.resume();
    return new Response(null, { status, statusText: res.statusMessage ?? '', headers });
  }
  let body: Readable = res;
  const decoder = decoderFor(headers.get('content-encoding'));
  if (decoder) {
    // As fetch does: the caller reads the body it asked for, not its transfer coding.
    body = pipeline(res, decoder, () => undefined);
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  const stream = Readable.toWeb(body) as NodeReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
  return new Response(stream, { status, statusText: res.statusMessage ?? '', headers });
}

// Headers that describe the connection rather than the request: as fetch does, a caller (a user's
// step) may not set them, so it cannot smuggle a second request or pick another virtual host.
const CONNECTION_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  'expect',
]);

/**
 * fetch for every call Parley makes on a user's behalf (HttpRequest steps, webhook deliveries):
 * refuses URLs assertPublicUrl refuses, resolves the host once and connects to the checked address,
 * with TLS still verifying the URL's host name. Redirects are never followed (the 3xx is the answer):
 * a caller that follows one calls again, and the next hop is checked the same way.
 * Throws BlockedUrlError, the signal's reason when it aborts, or the network error.
 */
export const guardedFetch: GuardedFetch = async (input, init = {}, opts = {}) => {
  const { url, addresses } = await assertPublicUrl(input, opts);
  const { signal } = init;
  signal?.throwIfAborted();
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept: '*/*', 'user-agent': 'Parley', 'accept-encoding': 'gzip, deflate, br' };
  new Headers(init.headers).forEach((value, key) => {
    if (!CONNECTION_HEADERS.has(key)) headers[key] = value;
  });
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<Response>((resolve, reject) => {
    // agent: false, so no pooled socket (connected under another check, or none) is reused.
    const req = request(url, { method, headers, agent: false, signal, ...(addresses.length ? { lookup: pinnedLookup(addresses) } : {}) }, (res) => {
      try {
        resolve(toResponse(res, method, signal));
      } catch (err) {
        res.destroy();
        reject(err);
      }
    });
    req.on('error', (err) => reject(signal?.aborted ? signal.reason : err));
    req.end(init.body);
  });
};
