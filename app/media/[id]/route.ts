import { db } from '@/lib/db/client';
import { readMediaFile } from '@/lib/media/read-media-file';
import { isInlineType } from '@/lib/media/media-types';

/**
 * GET /media/<id> — public: the random id in the URL is what WhatsApp (and the template reviewer)
 * fetch the file with. Files never change, so they are cached forever; nosniff and attachment for
 * documents keep an uploaded file from being rendered as a page on our origin.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const file = await readMediaFile(db, id);
  if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
  const disposition = isInlineType(file.mimeType) ? 'inline' : `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.bytes.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Disposition': disposition,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
