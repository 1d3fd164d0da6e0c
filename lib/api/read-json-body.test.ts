import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { MAX_JSON_DEPTH, readJsonBody } from '@/lib/api/read-json-body';

const req = (body: string | Uint8Array<ArrayBuffer>, contentType?: string) =>
  new Request('http://test/x', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

describe('readJsonBody', () => {
  it('reads JSON whatever the content type says, and an empty body as undefined', async () => {
    expect(await readJsonBody(req('{"a":1}', 'text/plain'))).toEqual({ a: 1 });
    expect(await readJsonBody(req('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
    expect(await readJsonBody(req('[1,"x",null]'))).toEqual([1, 'x', null]);
    expect(await readJsonBody(req('  \n '))).toBeUndefined();
  });

  it('ignores a UTF-8 byte-order mark', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"text":"héllo 👋"}')]);
    expect(await readJsonBody(req(bom))).toEqual({ text: 'héllo 👋' });
  });

  it('decodes the body in the charset its Content-Type names, and refuses one it does not know', async () => {
    const latin1 = new Uint8Array(Buffer.from('{"text":"café"}', 'latin1'));
    expect(await readJsonBody(req(latin1, 'application/json; charset=ISO-8859-1'))).toEqual({ text: 'café' });
    expect(await readJsonBody(req(latin1, 'application/json; charset="windows-1252"'))).toEqual({ text: 'café' });
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text":"😀"}', 'utf16le')]));
    expect(await readJsonBody(req(utf16, 'application/json; charset=utf-16'))).toEqual({ text: '😀' });
    expect(await readJsonBody(req('{"text":"café"}', 'application/json; charset=utf-8'))).toEqual({ text: 'café' });
    const err = await failure(readJsonBody(req('{}', 'application/json; charset=klingon')));
    expect(err).toMatchObject({ status: 400, code: 1005, message: "Invalid parameter(s): unsupported charset 'klingon'" });
  });

  it('refuses text no database can store, naming where it is: a NUL, or half of a surrogate pair (1005)', async () => {
    for (const [body, path] of [
      ['{"content":{"text":"a\\u0000b"}}', 'content.text'],
      ['{"content":{"text":"x \\ud83d y"}}', 'content.text'],
      ['{"items":[{"a":"ok"},{"b":"\\udc00"}]}', 'items.1.b'],
      ['{"a\\u0000":1}', 'a\u0000'],
    ]) {
      const err = await failure(readJsonBody(req(body)));
      expect(err).toMatchObject({ status: 400, code: 1005 });
      expect(err.issues).toEqual([expect.objectContaining({ path })]);
    }
    // a whole pair written as escapes, and a backslash before a u, are ordinary text
    expect(await readJsonBody(req('{"text":"\\ud83d\\ude00 C:\\\\u0000"}'))).toEqual({ text: '😀 C:\\u0000' });
  });

  it('answers 1005 for malformed JSON', async () => {
    const err = await failure(readJsonBody(req('{"user":')));
    expect(err).toMatchObject({ status: 400, code: 1005, message: 'Invalid parameter(s): malformed JSON body' });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses one more, however deep, without overflowing`, async () => {
    expect(await readJsonBody(req(nested(MAX_JSON_DEPTH)))).toBeDefined();
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      const err = await failure(readJsonBody(req(`{"content":${nested(depth)}}`)));
      expect(err).toMatchObject({ status: 400, code: 1005, message: 'Invalid parameter(s): the JSON body is nested too deeply' });
    }
  });
});
