import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { deleteAudienceFile } from '@/lib/campaigns/audience/audience-file';
import { isMultipart, readSpecBody, receiveAudienceUpload } from '@/lib/campaigns/audience/audience-upload';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { db } from '@/lib/db/client';

// POST: a draft campaign from a CSV (multipart `file` + `spec`) or from contacts by tag (JSON spec with
// `contactsTag`), answered 201 with its counts and estimate. The body arrives as a stream here
// (lib/http/serve-api.ts): the CSV goes to disk as it comes, and is removed if the campaign is refused.
export const POST = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const actor = apiKeyActor(key);
    if (!isMultipart(req)) return jsonResponse(await createCampaign(db, actor, { accountId: key.accountId, spec: await readSpecBody(req) }), { status: 201 });
    const upload = await receiveAudienceUpload(db, actor, key.accountId, req);
    try {
      return jsonResponse(await createCampaign(db, actor, { accountId: key.accountId, spec: upload.spec, audience: { fileId: upload.fileId } }), {
        status: 201,
      });
    } catch (err) {
      await deleteAudienceFile(db, key.accountId, upload.fileId);
      throw err;
    }
  },
  { permission: 'campaigns.send' },
);

export const GET = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const q = new URL(req.url).searchParams;
    return jsonResponse(await listCampaigns(db, key.accountId, { status: q.get('status'), limit: q.get('limit'), cursor: q.get('cursor') }));
  },
  { permission: 'campaigns.view' },
);
