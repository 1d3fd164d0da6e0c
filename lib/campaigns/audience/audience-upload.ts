import { MAX_JSON_BYTES, readJsonBody } from '@/lib/api/read-json-body';
import type { Actor } from '@/lib/audit/record-audit-event';
import { deleteAudienceFile, MAX_CAMPAIGN_BODY_BYTES, storeAudienceFile } from '@/lib/campaigns/audience/audience-file';
import { multipartBoundary, multipartParts } from '@/lib/campaigns/audience/multipart-parts';
import type { Db } from '@/lib/db/client';
import { PayloadTooLargeError, ValidationError } from '@/lib/errors';

// POST /accounts/{accountId}/campaigns reads its body here: a multipart form with the CSV (`file`,
// streamed to disk as it arrives) and the spec (`spec`, JSON text), or the spec alone as JSON (an
// audience of contacts by tag). The body arrives as a stream on this route (lib/http/serve-api.ts),
// so every size is capped here, as it is read.

const MAX_SPEC_BYTES = 1024 * 1024;

export function isMultipart(req: Request): boolean {
  return /^\s*multipart\/form-data/i.test(req.headers.get('content-type') ?? '');
}

async function readCapped(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null, max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (body) {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > max) throw new PayloadTooLargeError(`The ${what} is larger than ${max} bytes`);
      chunks.push(Buffer.from(chunk));
    }
  }
  return Buffer.concat(chunks);
}

/** A JSON body (the spec with `contactsTag`), read no further than the JSON limit. */
export async function readSpecBody(req: Request): Promise<unknown> {
  const bytes = await readCapped(req.body, MAX_JSON_BYTES, 'JSON body');
  return readJsonBody(new Request(req.url, { method: 'POST', headers: req.headers, body: new Uint8Array(bytes) }));
}

function parseSpec(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new ValidationError("Send the campaign's spec as the form field 'spec' (JSON)", [{ path: 'spec', message: 'The spec is empty' }]);
  try {
    return JSON.parse(trimmed);
  } catch {
    throw new ValidationError("Invalid parameter(s): 'spec' is not valid JSON", [{ path: 'spec', message: 'The spec must be JSON' }]);
  }
}

/**
 * The form's CSV stored (storeAudienceFile) and its spec parsed. Anything wrong (no file, two files,
 * no spec, a spec that is not JSON, a body cut short) is a 400, and a file already stored is removed.
 */
export async function receiveAudienceUpload(db: Db, actor: Actor, accountId: string, req: Request): Promise<{ fileId: string; size: number; spec: unknown }> {
  const boundary = multipartBoundary(req.headers.get('content-type'));
  let stored: { fileId: string; size: number } | null = null;
  let specText: string | null = null;
  try {
    for await (const part of multipartParts(req.body, boundary, { maxTotalBytes: MAX_CAMPAIGN_BODY_BYTES })) {
      if (part.name === 'file') {
        if (stored) throw new ValidationError('Send one audience file', [{ path: 'file', message: 'Only one file may be sent' }]);
        stored = await storeAudienceFile(db, actor, { accountId, body: part.body, fileName: part.fileName ?? 'audience.csv' });
      } else if (part.name === 'spec') {
        if (specText !== null) throw new ValidationError("Send the field 'spec' once", [{ path: 'spec', message: 'The spec was sent twice' }]);
        specText = (await readCapped(part.body, MAX_SPEC_BYTES, 'spec')).toString('utf8');
      }
    }
    if (!stored) throw new ValidationError("Attach the audience CSV as the form field 'file'", [{ path: 'file', message: 'A CSV file is required' }]);
    if (specText === null)
      throw new ValidationError("Send the campaign's spec as the form field 'spec' (JSON)", [{ path: 'spec', message: 'The spec is required' }]);
    return { ...(stored as { fileId: string; size: number }), spec: parseSpec(specText) };
  } catch (err) {
    if (stored) await deleteAudienceFile(db, accountId, (stored as { fileId: string }).fileId);
    throw err;
  }
}
