import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { PayloadTooLargeError } from '@/lib/errors';
import { JSON_PAYLOAD, type JsonResponse } from '@/lib/api/json-response';

// The REST API's route handlers speak the Fetch API (Request in, Response out), as Next's do; the
// custom server speaks Node's http. These two functions are the whole bridge. Both skip the web
// streams where they can: an API body is read whole before the handler runs, and a JSON answer is
// already text (lib/api/json-response.ts); each stream round trip costs ~30-45 µs.

export class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError(`The request body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** A Request whose body is already in memory: text() and json() answer from it without a stream. */
class BufferedRequest extends Request {
  readonly #raw: Buffer;
  #used = false;

  constructor(url: string, init: { method: string; headers: Headers }, raw: Buffer) {
    super(url, init);
    this.#raw = raw;
  }

  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#raw;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#take().toString('utf8'));
  }

  override json(): Promise<unknown> {
    return this.text().then((t) => JSON.parse(t));
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const raw = this.#take();
    return Promise.resolve(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer);
  }

  // Multipart and form bodies (media uploads) go through the platform's parser.
  override formData(): Promise<FormData> {
    return new Request(this.url, { method: this.method, headers: this.headers, body: this.#take() as Uint8Array<ArrayBuffer> }).formData();
  }

  override blob(): Promise<Blob> {
    return Promise.resolve(new Blob([this.#take() as Uint8Array<ArrayBuffer>], { type: this.headers.get('content-type') ?? '' }));
  }
}

/** The body as a stream that fails with a 413 once more than `maxBytes` have come (read as the handler reads). */
function cappedBody(req: IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
  let size = 0;
  return (Readable.toWeb(req) as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) controller.error(new PayloadTooLargeError(`The request body is larger than ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * The request as the Fetch API's. The body is read whole first (at most `maxBodyBytes`), except with
 * `stream`: then it is passed on as it arrives (an upload that goes straight to disk), with the same cap.
 */
export async function toWebRequest(req: IncomingMessage, maxBodyBytes: number, stream = false): Promise<Request> {
  const method = req.method ?? 'GET';
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  let url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  // A Host header that is no valid authority ("[::1") makes new Request throw, which answered 500.
  if (!URL.canParse(url)) url = `http://localhost${req.url ?? '/'}`;
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  if (stream) return new Request(url, { method, headers, body: cappedBody(req, maxBodyBytes), duplex: 'half' } as RequestInit);
  return new BufferedRequest(url, { method, headers }, await readBody(req, maxBodyBytes));
}

export async function sendWebResponse(res: ServerResponse, response: Response, withBody = true): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const payload = (response as JsonResponse)[JSON_PAYLOAD];
  if (withBody && payload === undefined && response.body) {
    // A body that is not JSON text is a stream (a CSV export of any size): passed on as it comes,
    // chunked, at the pace the client reads, instead of gathered whole in memory first.
    res.writeHead(response.status, headers);
    return pipeBody(res, response.body);
  }
  const body = withBody && payload !== undefined ? Buffer.from(payload, 'utf8') : undefined;
  if (body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

async function pipeBody(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  // A client that goes away stops the producer (no more pages read for nobody).
  const cancel = () => void reader.cancel().catch(() => undefined);
  res.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    res.end();
  } catch {
    // The producer failed after the status line went out: cut the answer short so the client sees it incomplete.
    res.destroy();
  } finally {
    res.off('close', cancel);
  }
}
