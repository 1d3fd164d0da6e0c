import type { Db } from '@/lib/db/client';

/** A stored media file by its public id, or null. The id is the capability: no tenant check here. */
export async function readMediaFile(db: Db, id: string) {
  // Ids are 32 URL-safe characters; anything else cannot exist, so skip the query.
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) return null;
  return db.mediaFile.findUnique({ where: { id }, select: { id: true, mimeType: true, size: true, fileName: true, bytes: true } });
}
