import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { parseWith } from '@/lib/api/read-json';
import { readJsonBody } from '@/lib/api/read-json-body';
import { createTemplate } from '@/lib/templates/create-template';
import { findTemplateChannel } from '@/lib/templates/find-template-channel';
import { listTemplates, templateFiltersSchema } from '@/lib/templates/list-templates';
import { templateJson } from '@/lib/templates/stored-template';

type Params = { accountId: string; channelId: string };

/** Submit a template for review (the reference "Template Creation Payload"). */
export const POST = withApiKey<Params>(
  async ({ req, key, params }) => {
    const payload = await readJsonBody(req);
    const t = await createTemplate(db, { accountId: key.accountId, channelId: params.channelId, payload, source: 'api', actor: apiKeyActor(key) });
    return jsonResponse(templateJson(t), { status: 201 });
  },
  { permission: 'templates.write' },
);

/** The channel's templates, newest first; filters status, category, language, name (part of it). */
export const GET = withApiKey<Params>(
  async ({ req, key, params }) => {
    const channel = await findTemplateChannel(db, key.accountId, params.channelId);
    const query = Object.fromEntries(new URL(req.url).searchParams);
    const filters = parseWith(templateFiltersSchema, query);
    const list = await listTemplates(db, { accountId: key.accountId, channelId: channel.id, ...filters });
    return jsonResponse({ data: list.map(templateJson) });
  },
  { permission: 'templates.view' },
);
