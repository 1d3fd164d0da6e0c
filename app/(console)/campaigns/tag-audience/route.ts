import { db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { listContacts } from '@/lib/contacts/list-contacts';
import { listContactTags } from '@/lib/contacts/list-contact-tags';
import { consoleRoute, jsonResponse } from '@/app/_lib/console-route';

/**
 * GET /campaigns/tag-audience?tag=vip — what the mapping step offers for "contacts with a tag": the
 * columns the import reads them as (msisdn, name, then the attributes by name) and the first contacts.
 */
export const GET = consoleRoute('campaigns.send', async (req, { accountId }) => {
  const tag = new URL(req.url).searchParams.get('tag')?.trim();
  if (!tag) throw new ValidationError('Choose a tag', [{ path: 'tag', message: 'Choose a tag' }]);
  const [page, tags] = await Promise.all([listContacts(db, accountId, { tag, limit: 50 }), listContactTags(db, accountId)]);
  const attributes = [...new Set(page.data.flatMap((c) => Object.keys(c.attributes)))].filter((k) => k !== 'msisdn' && k !== 'name').sort();
  return jsonResponse(200, {
    columns: ['msisdn', 'name', ...attributes],
    sample: page.data.slice(0, 5).map((c) => [c.msisdn, c.name ?? '', ...attributes.map((a) => c.attributes[a] ?? '')]),
    count: tags.find((t) => t.tag === tag)?.contacts ?? 0,
  });
});
