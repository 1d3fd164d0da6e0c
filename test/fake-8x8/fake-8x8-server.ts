// For tests (vitest and Playwright): a local HTTP server that plays 8x8's messaging and template APIs
// from the reference payloads. It records every request; a handler can answer otherwise (an error,
// 429 with Retry-After, a 5xx, a delay, a dropped connection) for the requests it cares about.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; path: string; headers: Record<string, string>; body: unknown };

export type FakeAnswer = {
  /** HTTP status; 200 when omitted. */
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string; the default answer for the request when omitted. */
  body?: unknown;
  /** Wait this long before answering (or before dropping the connection). */
  delayMs?: number;
  /** Destroy the socket instead of answering: a dropped connection. */
  drop?: boolean;
  /** Never answer: the caller's timeout has to end the call. */
  hang?: boolean;
};

export type FakeHandler = (req: RecordedRequest) => FakeAnswer | undefined;

export type Fake8x8 = {
  url: string;
  requests: RecordedRequest[];
  /** Replaces the handler; without one (or when it returns undefined) requests get 8x8's usual answer. */
  respond(handler?: FakeHandler): void;
  close(): Promise<void>;
};

const SEND_PATH = /^\/api\/v1\/subaccounts\/([^/]+)\/messages$/;
const TEMPLATE_PATH = /^\/api\/v1\/accounts\/([^/]+)\/channels\/([^/]+)\/templates$/;

function record(obj: unknown): Record<string, unknown> {
  return obj && typeof obj === 'object' ? (obj as Record<string, unknown>) : {};
}

/** What 8x8 answers when nothing special is asked: a queued message, a pending template, or its 404. */
export function defaultAnswer(req: RecordedRequest): FakeAnswer {
  const body = record(req.body);
  if (req.method === 'POST' && SEND_PATH.test(req.path)) {
    return {
      status: 200,
      body: {
        umid: randomUUID(),
        clientMessageId: body.clientMessageId ?? null,
        ...(typeof body.destination === 'string' ? { destination: body.destination, encoding: 'GSM7' } : {}),
        status: { state: 'queued', detail: 'Message is queued for processing', timestamp: new Date().toISOString() },
      },
    };
  }
  if (req.method === 'POST' && TEMPLATE_PATH.test(req.path)) {
    return {
      status: 200,
      body: {
        id: randomUUID(),
        name: body.name ?? null,
        language: body.language ?? null,
        category: body.category ?? null,
        status: 'PENDING',
      },
    };
  }
  return {
    status: 404,
    body: { code: 1000, message: `No such endpoint: ${req.method} ${req.path}`, errorId: randomUUID(), timestamp: new Date().toISOString() },
  };
}

/** 8x8's error body, for handlers that answer an error. */
export function fake8x8Error(status: number, code: number, message: string, headers?: Record<string, string>): FakeAnswer {
  return { status, headers, body: { code, message, errorId: randomUUID(), timestamp: new Date().toISOString() } };
}

function parseBody(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export async function startFake8x8(opts: { port?: number } = {}): Promise<Fake8x8> {
  const requests: RecordedRequest[] = [];
  let handler: FakeHandler | undefined;
  const sockets = new Set<import('node:net').Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: (req.url ?? '/').split('?')[0]!,
        headers,
        body: parseBody(Buffer.concat(chunks).toString('utf8')),
      };
      requests.push(recorded);
      const answer = handler?.(recorded) ?? defaultAnswer(recorded);
      if (answer.hang) return;
      const finish = () => {
        if (answer.drop) {
          req.socket.destroy();
          return;
        }
        const fallback = answer.body === undefined ? defaultAnswer(recorded) : undefined;
        const status = answer.status ?? fallback?.status ?? 200;
        const body = answer.body ?? fallback?.body;
        const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
        res.writeHead(status, { 'content-type': 'application/json', ...answer.headers });
        res.end(text);
      };
      if (answer.delayMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          finish();
        }, answer.delayMs);
        timers.add(t);
      } else finish();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(next) {
      handler = next;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      // Hanging requests keep their sockets open; close() must not wait for them.
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
