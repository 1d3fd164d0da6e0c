import { beforeAll, describe, expect, it } from 'vitest';
import { POST as upload } from '@/app/api/v1/subaccounts/[subAccountId]/files/route';
import { GET as serve } from '@/app/media/[id]/route';
import { createOtherTenant, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';

// A real 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

type Handler = (req: Request, ctx: never) => Promise<Response>;

async function post(form: FormData | string | null, opts: { sub?: string; key?: string | null; headers?: Record<string, string> } = {}) {
  const sub = opts.sub ?? 'acme_corp';
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key !== null) headers.Authorization = `Bearer ${opts.key ?? DEMO_API_KEY}`;
  const res = await (upload as Handler)(
    new Request(`http://parley.test:8080/api/v1/subaccounts/${sub}/files`, { method: 'POST', body: form ?? undefined, headers }),
    { params: Promise.resolve({ subAccountId: sub }) } as never,
  );
  return { status: res.status, body: await res.json() };
}

function formWith(bytes: Uint8Array | string, type: string, name = 'upload.bin', field = 'file') {
  const fd = new FormData();
  fd.append(field, new File([bytes as BlobPart], name, { type }));
  return fd;
}

async function get(url: string) {
  const id = url.split('/media/')[1];
  return (serve as Handler)(new Request(url), { params: Promise.resolve({ id }) } as never);
}

describe('POST /subaccounts/{id}/files and GET /media/{id}', () => {
  let other: Awaited<ReturnType<typeof createOtherTenant>>;
  beforeAll(async () => {
    await seedDemoTenant();
    other = await createOtherTenant();
  });

  it('stores a PNG (201 { url, mimeType, size }) and serves the same bytes inline, cached, nosniff', async () => {
    const res = await post(formWith(PNG, 'image/png', 'logo.png'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ url: expect.stringMatching(/^http:\/\/parley\.test:8080\/media\/[A-Za-z0-9_-]{32}$/), mimeType: 'image/png', size: PNG.length });
    const got = await get(res.body.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-length')).toBe(String(PNG.length));
    expect(got.headers.get('cache-control')).toContain('immutable');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toBe('inline');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('serves documents as attachments with their file name', async () => {
    const res = await post(formWith(PDF, 'application/pdf', 'delivery note.pdf'));
    expect(res.status).toBe(201);
    const got = await get(res.body.url);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''delivery%20note.pdf");
  });

  it('404 for an unknown or malformed media id', async () => {
    expect((await get('http://x/media/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await get('http://x/media/..%2Fetc')).status).toBe(404);
  });

  it('400/1005 for a type outside the allow-list', async () => {
    const res = await post(formWith('<html><script>alert(1)</script>', 'text/html', 'page.html'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 1005, message: expect.stringContaining("'text/html' cannot be uploaded"), errors: [{ path: 'file' }] });
  });

  it('400/1005 for an image over 5 MB', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    const res = await post(formWith(big, 'image/png', 'huge.png'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 1005, message: 'The image is 5 MB (5242881 bytes); image files can be at most 5 MB' });
  });

  it('400/1005 for a renamed file whose bytes are not the claimed type', async () => {
    const res = await post(formWith(PDF, 'image/png', 'not-really.png'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 1005, message: "The file's content is not image/png; was it renamed?" });
  });

  it('400/1005 when the file field is missing, empty or the body is not multipart', async () => {
    const noField = await post(formWith(PNG, 'image/png', 'a.png', 'attachment'));
    expect(noField).toMatchObject({ status: 400, body: { code: 1005, message: "Attach the file as the multipart form field 'file'" } });
    const empty = await post(formWith(new Uint8Array(0), 'image/png', 'a.png'));
    expect(empty).toMatchObject({ status: 400, body: { code: 1005, message: 'The file is empty' } });
    const json = await post('{"file":"x"}', { headers: { 'content-type': 'application/json' } });
    expect(json).toMatchObject({ status: 400, body: { code: 1005 } });
  });

  it("401/1200 without or with a wrong API key; 404 for another tenant's subaccount", async () => {
    expect(await post(formWith(PNG, 'image/png'), { key: null })).toMatchObject({ status: 401, body: { code: 1200 } });
    expect(await post(formWith(PNG, 'image/png'), { key: 'nope' })).toMatchObject({ status: 401, body: { code: 1200 } });
    expect(await post(formWith(PNG, 'image/png'), { sub: other.subAccountId })).toMatchObject({ status: 404 });
    expect(await post(formWith(PNG, 'image/png'), { key: other.apiKey, sub: 'acme_corp' })).toMatchObject({ status: 404 });
  });
});
