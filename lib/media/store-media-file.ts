import crypto from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { contentMatchesType, formatBytes, MAX_BYTES, MEDIA_TYPES, uploadedType } from '@/lib/media/media-types';

export type StoredMedia = { id: string; mimeType: string; size: number; fileName: string };

/** The id is the whole secret of a public media URL: 24 random bytes, URL-safe. */
export function newMediaId(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function cleanFileName(name: string): string {
  // Keep only the last path segment and drop control characters; the name is shown, never used as a path.
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name must not carry into a header
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').slice(0, 200) || 'file';
}

/**
 * Validates an uploaded file (allowed type, WhatsApp's size limit for its kind, content that really
 * is that type) and stores it for the subaccount. Throws ValidationError (400/1005) naming the problem.
 */
export async function storeMediaFile(
  db: Db,
  input: { accountId: string; subAccountId: string; file: File | null | undefined; field?: string },
): Promise<StoredMedia> {
  const field = input.field ?? 'file';
  const file = input.file;
  if (!file || typeof file === 'string') {
    throw new ValidationError(`Attach the file as the multipart form field '${field}'`, [{ path: field, message: 'A file is required' }]);
  }
  const mimeType = uploadedType(file.type || '', file.name || '');
  const kind = MEDIA_TYPES[mimeType];
  if (!kind) {
    const message = `Files of type '${mimeType || 'unknown'}' cannot be uploaded; use JPEG, PNG or WebP images, MP4 or 3GPP video, AAC, MP4, MPEG or OGG audio, or PDF, text and Office documents`;
    throw new ValidationError(message, [{ path: field, message }]);
  }
  if (file.size === 0) throw new ValidationError('The file is empty', [{ path: field, message: 'The file is empty' }]);
  if (file.size > MAX_BYTES[kind]) {
    const message = `The ${kind} is ${formatBytes(file.size)} (${file.size} bytes); ${kind} files can be at most ${formatBytes(MAX_BYTES[kind])}`;
    throw new ValidationError(message, [{ path: field, message }]);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!contentMatchesType(mimeType, bytes)) {
    const message = `The file's content is not ${mimeType}; was it renamed?`;
    throw new ValidationError(message, [{ path: field, message }]);
  }
  const row = await db.mediaFile.create({
    data: {
      id: newMediaId(),
      accountId: input.accountId,
      subAccountId: input.subAccountId,
      mimeType,
      size: bytes.byteLength,
      fileName: cleanFileName(file.name || 'file'),
      bytes,
    },
    select: { id: true, mimeType: true, size: true, fileName: true },
  });
  return row;
}
