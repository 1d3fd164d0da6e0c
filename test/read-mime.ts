/**
 * Just enough MIME to check what Parley sends (mailparser is not a dependency): headers unfolded with
 * encoded words decoded, and the text/plain and text/html parts decoded from quoted-printable or
 * base64, found through nested multiparts.
 */
export type ReadMail = { headers: Record<string, string>; text: string | null; html: string | null };

export function readMime(raw: string): ReadMail {
  const found: ReadMail = { headers: {}, text: null, html: null };
  const walk = (entity: string, top: boolean) => {
    const { headers, body } = split(entity);
    if (top) found.headers = headers;
    const type = headers['content-type'] ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (/^multipart\//i.test(type) && boundary) {
      const parts = body.split(`--${boundary}`).slice(1);
      // The line break before a boundary belongs to the boundary, not to the part.
      for (const part of parts) if (!part.startsWith('--')) walk(part.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), false);
      return;
    }
    const charsetBody = decodeBody(body, headers['content-transfer-encoding'] ?? '7bit').replace(/\r\n/g, '\n');
    if (/^text\/plain/i.test(type)) found.text ??= charsetBody;
    else if (/^text\/html/i.test(type)) found.html ??= charsetBody;
  };
  walk(raw, true);
  return found;
}

function split(entity: string): { headers: Record<string, string>; body: string } {
  const at = entity.search(/\r?\n\r?\n/);
  const head = at < 0 ? entity : entity.slice(0, at);
  const body = at < 0 ? '' : entity.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(s: string): string {
  // Through percent-encoding so multi-byte UTF-8 reassembles; literal % signs are escaped first.
  const escaped = s
    .replace(/%/g, '%25')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, '%$1');
  return decodeURIComponent(escaped);
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}
