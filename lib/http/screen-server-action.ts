import type { IncomingMessage, ServerResponse } from 'node:http';

// Next answers a server-action request whose body it cannot decode with a 500: the decoding happens in
// Next before any action runs (and so before app/_lib/action.ts, which turns every error into a form
// message). Unknown action ids are already a 400 or 409 there. Checked on this machine against Next
// 16.4: a fetch action whose body is not JSON, a multipart body that does not parse, or a multipart
// action whose argument row is not JSON all answered 500. This reads such a body first and answers
// 400 in Next's own words when it is malformed; a good body is handed to Next as its `actionBody`.
// Multipart bodies larger than MAX_SCREENED_MULTIPART (file uploads, up to 101 MB) go to Next unread.

// Next's request metadata: Next's action handler reads `actionBody` instead of the consumed stream.
const NEXT_REQUEST_META = Symbol.for('NextInternalRequestMeta');
// next.config's serverActions.bodySizeLimit.
const MAX_ACTION_BODY = 101 * 1024 * 1024;
// Action calls without files are a few kilobytes; reading larger uploads here would hold them twice.
const MAX_SCREENED_MULTIPART = 1024 * 1024;
const INVALID = 'Invalid Server Action request.';

type WithMeta = IncomingMessage & { [NEXT_REQUEST_META]?: Record<string, unknown> };

function isArgumentList(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** A multipart body that parses; for a fetch action, with its argument list (row "0") as JSON. */
async function isWellFormedForm(body: Buffer, contentType: string, fetchAction: boolean): Promise<boolean> {
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
    return !fetchAction || isArgumentList(form.get('0'));
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function refuse(res: ServerResponse, status: number, text: string, close = false): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(close ? { connection: 'close' } : {}) });
  res.end(text);
}

/** True when it answered the request itself (a malformed server action); false: hand it to Next. */
export async function screenServerAction(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  // Route handlers under /api are not server actions.
  if (req.method !== 'POST' || req.url?.startsWith('/api/')) return false;
  const contentType = req.headers['content-type'] ?? '';
  const multipart = /^multipart\/form-data/i.test(contentType);
  const fetchAction = req.headers['next-action'] !== undefined;
  if (!multipart && !fetchAction) return false;
  if (multipart && !(Number(req.headers['content-length']) <= MAX_SCREENED_MULTIPART)) return false;
  const body = await readBody(req, MAX_ACTION_BODY);
  if (!body) {
    // The rest is still arriving: close after answering so it is not read as the next request.
    refuse(res, 413, 'Server Action body too large.', true);
    return true;
  }
  const wellFormed = multipart ? await isWellFormedForm(body, contentType, fetchAction) : isArgumentList(body.toString('utf8'));
  if (!wellFormed) {
    refuse(res, 400, INVALID);
    return true;
  }
  const r = req as WithMeta;
  r[NEXT_REQUEST_META] = { ...r[NEXT_REQUEST_META], actionBody: body };
  return false;
}
