import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { requireAccountPage } from '@/app/_lib/console-context';
import { listTemplates, templateFiltersSchema } from '@/lib/templates/list-templates';
import { listTemplateChannels } from '@/lib/templates/list-template-channels';
import { TemplatesListClient } from './page-client';

export const metadata: Metadata = { title: 'Templates' };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal, account } = await requireAccountPage('templates.view');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // Bad filter values in a hand-edited URL are dropped rather than failing the page.
  const parsed = templateFiltersSchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const [templates, channels] = await Promise.all([listTemplates(db, { accountId: account.id, ...filters }), listTemplateChannels(db, account.id)]);
  return (
    <TemplatesListClient
      canWrite={can(principal, 'templates.write')}
      filters={{ status: filters.status ?? '', category: filters.category ?? '', language: filters.language ?? '', name: filters.name ?? '' }}
      channels={Object.fromEntries(channels.map((c) => [c.id, c.name]))}
      templates={templates.map((t) => ({
        id: t.id,
        name: t.name,
        language: t.language,
        category: t.category,
        status: t.status,
        reason: t.reason,
        channelId: t.channelId,
        updatedAt: t.updatedAt.toISOString(),
      }))}
    />
  );
}
