import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { ValidationError } from '@/lib/errors';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';
import { formatBytes, MAX_UPLOAD_BODY } from '@/lib/media/media-types';
import { storeMediaFile } from '@/lib/media/store-media-file';

/** POST /api/v1/subaccounts/{subAccountId}/files — multipart upload (field `file`); answers { url, mimeType, size }. */
export const POST = withApiKey<{ subAccountId: string }>(
  async ({ req, key, params }) => {
    const sub = await findSubAccount(db, key.accountId, params.subAccountId);
    // Refuse an oversized body before buffering it: the largest allowed file plus multipart framing.
    const length = Number(req.headers.get('content-length') ?? 0);
    if (length > MAX_UPLOAD_BODY) throw new ValidationError(`The upload is ${formatBytes(length)}; files can be at most ${formatBytes(MAX_UPLOAD_BODY)}`);
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new ValidationError("Send the file as multipart/form-data with the field 'file'", [{ path: 'file', message: 'A file is required' }]);
    }
    const file = form.get('file');
    const stored = await storeMediaFile(db, { accountId: key.accountId, subAccountId: sub.id, file: typeof file === 'string' ? null : file });
    const url = `${new URL(req.url).origin}/media/${stored.id}`;
    return jsonResponse({ url, mimeType: stored.mimeType, size: stored.size }, { status: 201 });
  },
  { permission: 'messages.send' },
);
