'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { requestOrigin } from '@/app/_lib/request-origin';
import { templateSampleSubAccount } from '@/lib/media/template-sample-sub-account';
import { storeMediaFile } from '@/lib/media/store-media-file';

/**
 * Uploads a sample header file from the template designer. It is stored for the subaccount that owns
 * the template's channel (or the account's first subaccount before a channel is chosen), with the
 * same checks as POST /subaccounts/{id}/files, and answers the public URL for the header example.
 */
export const uploadTemplateMediaAction = accountAction(
  'templates.write',
  z.custom<FormData>((v) => v instanceof FormData, 'Send the file as form data'),
  async (form, ctx) => {
    const channelId = form.get('channelId');
    const subAccountId = await templateSampleSubAccount(db, ctx.accountId, typeof channelId === 'string' && channelId ? channelId : null);
    const file = form.get('file');
    const stored = await storeMediaFile(db, { accountId: ctx.accountId, subAccountId, file: typeof file === 'string' ? null : file, field: 'file' });
    return { url: `${await requestOrigin()}/media/${stored.id}`, mimeType: stored.mimeType, size: stored.size };
  },
);
