import { jsonResponse } from '@/lib/api/json-response';
import { apiKeyActor } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { findTemplateChannel } from '@/lib/templates/find-template-channel';
import { getTemplate } from '@/lib/templates/get-template';
import { deleteTemplate } from '@/lib/templates/delete-template';
import { templateJson } from '@/lib/templates/stored-template';
import { canonicalTemplateLanguage } from '@/lib/templates/languages';

type Params = { accountId: string; channelId: string; name: string };

/** ?language= as stored (en_US), whether it was written en_US, en-US or en_us. */
function languageOf(req: Request): string | null {
  const l = new URL(req.url).searchParams.get('language')?.trim();
  return l ? (canonicalTemplateLanguage(l) ?? l) : null;
}

/** One template by name; ?language= picks the language version (required when there are several). */
export const GET = withApiKey<Params>(
  async ({ req, key, params }) => {
    const channel = await findTemplateChannel(db, key.accountId, params.channelId);
    const language = languageOf(req);
    const t = await getTemplate(db, { accountId: key.accountId, channelId: channel.id, name: params.name, language });
    return jsonResponse(templateJson(t));
  },
  { permission: 'templates.view' },
);

/** Deletes one language version (?language=) or, without it, every language of the name. */
export const DELETE = withApiKey<Params>(
  async ({ req, key, params }) => {
    const channel = await findTemplateChannel(db, key.accountId, params.channelId);
    const language = languageOf(req);
    const deleted = await deleteTemplate(db, { accountId: key.accountId, channelId: channel.id, name: params.name, language, actor: apiKeyActor(key) });
    return jsonResponse({ deleted: deleted.map((t) => ({ name: t.name, language: t.language })) });
  },
  { permission: 'templates.write' },
);
