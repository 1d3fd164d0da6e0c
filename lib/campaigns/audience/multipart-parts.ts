import { PayloadTooLargeError, ValidationError } from '@/lib/errors';

// multipart/form-data read as a stream, one part at a time: a part's body is handed on as it arrives
// (an audience CSV goes to disk chunk by chunk), so a 200 MB upload never sits in memory, which
// Request.formData() would do. Only what a form posts is understood: parts with Content-Disposition
// names, an optional file name and content type.

export type MultipartPart = {
  name: string | null;
  fileName: string | null;
  contentType: string | null;
  /** Must be read to its end (or left: the next part drains it) before the next part is asked for. */
  body: AsyncIterable<Uint8Array>;
};

export type MultipartLimits = { maxParts?: number; maxHeaderBytes?: number; maxTotalBytes: number };

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

function cutShort(): never {
  throw new ValidationError('The multipart body ends before its closing boundary', [{ path: 'file', message: 'The upload was cut short' }]);
}

/** The boundary a multipart Content-Type declares, or a 400. */
export function multipartBoundary(contentType: string | null): string {
  const m = /;\s*boundary\s*=\s*(?:"([^"]{1,200})"|([^;\s]{1,200}))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw new ValidationError('The multipart Content-Type has no boundary', [{ path: 'file', message: 'Send the form as multipart/form-data' }]);
  return boundary;
}

function headerParam(header: string, name: string): string | null {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!) : null;
}

function parseHeaders(text: string): Omit<MultipartPart, 'body'> {
  let disposition = '';
  let contentType: string | null = null;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') contentType = value;
  }
  return { name: headerParam(disposition, 'name'), fileName: headerParam(disposition, 'filename'), contentType };
}

/** The parts of a multipart body, in order. */
export async function* multipartParts(stream: ReadableStream<Uint8Array> | null, boundary: string, limits: MultipartLimits): AsyncGenerator<MultipartPart> {
  if (!stream) cutShort();
  const reader = stream.getReader();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body starts with a delimiter that has no line break before it: give it one, so that every
  // delimiter looks the same.
  let buf: Buffer = Buffer.from(CRLF);
  let ended = false;
  let total = 0;
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const r = await reader.read();
    if (r.done) {
      ended = true;
      return false;
    }
    total += r.value.byteLength;
    if (total > limits.maxTotalBytes) throw new PayloadTooLargeError(`The upload is larger than ${limits.maxTotalBytes} bytes`);
    buf = buf.length ? Buffer.concat([buf, r.value]) : Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    return true;
  };
  // A part's bytes up to the next delimiter; what could be the start of a delimiter is held back.
  async function* partBody(state: { done: boolean }): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = buf.indexOf(delimiter);
      if (at >= 0) {
        const last = buf.subarray(0, at);
        buf = buf.subarray(at + delimiter.length);
        state.done = true;
        if (last.length) yield last;
        return;
      }
      const keep = delimiter.length - 1;
      if (buf.length > keep) {
        const out = buf.subarray(0, buf.length - keep);
        buf = buf.subarray(buf.length - keep);
        yield out;
      }
      if (!(await more())) cutShort();
    }
  }

  try {
    // The preamble, before the first delimiter, is ignored.
    const preamble = { done: false };
    for await (const _ of partBody(preamble));
    let parts = 0;
    for (;;) {
      while (buf.length < 2) if (!(await more())) cutShort();
      if (buf[0] === 0x2d && buf[1] === 0x2d) return; // the closing delimiter "--boundary--"
      let eol = buf.indexOf(CRLF);
      while (eol < 0 && buf.length < 1024) {
        if (!(await more())) cutShort();
        eol = buf.indexOf(CRLF);
      }
      if (eol < 0 || buf.subarray(0, eol).toString('latin1').trim()) cutShort();
      buf = buf.subarray(eol + 2);
      let headers = '';
      while (buf.length < 2) if (!(await more())) cutShort();
      if (buf[0] === 0x0d && buf[1] === 0x0a) buf = buf.subarray(2);
      else {
        let end = buf.indexOf(HEADERS_END);
        while (end < 0) {
          if (buf.length > (limits.maxHeaderBytes ?? 16 * 1024))
            throw new ValidationError('A multipart part has headers too long', [{ path: 'file', message: 'Part headers are too long' }]);
          if (!(await more())) cutShort();
          end = buf.indexOf(HEADERS_END);
        }
        headers = buf.subarray(0, end).toString('utf8');
        buf = buf.subarray(end + 4);
      }
      if (++parts > (limits.maxParts ?? 100))
        throw new ValidationError(`The form has more than ${limits.maxParts ?? 100} parts`, [{ path: '', message: 'Send the file and the spec only' }]);
      const state = { done: false };
      const body = partBody(state);
      yield { ...parseHeaders(headers), body };
      if (!state.done) for await (const _ of body);
    }
  } finally {
    reader.releaseLock();
  }
}
