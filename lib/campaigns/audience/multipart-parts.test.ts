import { describe, expect, it } from 'vitest';
import { multipartBoundary, multipartParts } from '@/lib/campaigns/audience/multipart-parts';

/** The bytes as a stream of chunks of `size` bytes, so that delimiters and headers fall across chunks. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function read(bytes: Uint8Array, boundary: string, size: number, maxTotalBytes = 1 << 20) {
  const out: { name: string | null; fileName: string | null; contentType: string | null; text: string }[] = [];
  for await (const part of multipartParts(chunked(bytes, size), boundary, { maxTotalBytes })) {
    const chunks: Buffer[] = [];
    for await (const c of part.body) chunks.push(Buffer.from(c));
    out.push({ name: part.name, fileName: part.fileName, contentType: part.contentType, text: Buffer.concat(chunks).toString('utf8') });
  }
  return out;
}

describe('multipartParts', () => {
  it('reads what the platform encodes, whatever the chunk sizes', async () => {
    const form = new FormData();
    form.append('spec', '{"name":"Zoë"}');
    // A body holding text that looks almost like the boundary.
    form.append('file', new Blob(['phone\r\n+6591234567\r\n--not-the-boundary\r\n']), 'audience "1".csv');
    const encoded = new Response(form);
    const boundary = multipartBoundary(encoded.headers.get('content-type'));
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const whole = await read(bytes, boundary, bytes.length);
    expect(whole).toEqual([
      { name: 'spec', fileName: null, contentType: null, text: '{"name":"Zoë"}' },
      { name: 'file', fileName: 'audience %221%22.csv', contentType: 'application/octet-stream', text: 'phone\r\n+6591234567\r\n--not-the-boundary\r\n' },
    ]);
    for (const size of [1, 2, 3, 7, 64]) expect(await read(bytes, boundary, size), `chunks of ${size}`).toEqual(whole);
  });

  it('refuses a body cut short, a missing boundary, too many parts and too many bytes', async () => {
    const cut = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nphone\r\n');
    await expect(read(cut, 'b', 5)).rejects.toMatchObject({ status: 400 });
    await expect(read(new TextEncoder().encode('--zzz\r\n\r\nx\r\n--zzz--\r\n'), 'b', 5)).rejects.toMatchObject({ status: 400 });
    expect(() => multipartBoundary('multipart/form-data')).toThrow(expect.objectContaining({ status: 400 }));
    const many = `${Array.from({ length: 101 }, (_, i) => `--b\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join('')}--b--\r\n`;
    await expect(read(new TextEncoder().encode(many), 'b', 100)).rejects.toMatchObject({ status: 400 });
    const big = new TextEncoder().encode(`--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n${'x'.repeat(5000)}\r\n--b--\r\n`);
    await expect(read(big, 'b', 100, 1000)).rejects.toMatchObject({ status: 413 });
  });
});
