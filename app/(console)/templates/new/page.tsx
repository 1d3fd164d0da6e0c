import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { requireAccountPage } from '@/app/_lib/console-context';
import { getTemplateById } from '@/lib/templates/get-template';
import { listTemplates } from '@/lib/templates/list-templates';
import { listTemplateChannels } from '@/lib/templates/list-template-channels';
import { TEMPLATE_LANGUAGES } from '@/lib/templates/languages';
import { mostUsedLanguages, newLanguageDefault } from '@/lib/templates/most-used-languages';
import { emptyDraft, type DesignerState } from '@/components/template-designer/draft-model';
import { NewTemplateClient } from './page-client';

export const metadata: Metadata = { title: 'New template' };

type Search = { from?: string; as?: string };

/** The designer: blank, a copy of a template (?from=id&as=copy) or a new language version (?as=language). */
export default async function NewTemplatePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { account } = await requireAccountPage('templates.write');
  const { from, as } = await searchParams;
  const channels = await listTemplateChannels(db, account.id);
  let initial: DesignerState = emptyDraft(channels[0]?.id ?? '');
  let mode: 'new' | 'copy' | 'language' = 'new';
  let title = 'New template';
  if (from) {
    const source = await getTemplateById(db, account.id, from);
    const base = { channelId: source.channelId, name: source.name, language: source.language, category: source.category, components: source.components };
    if (as === 'language') {
      mode = 'language';
      const [versions, used] = await Promise.all([
        listTemplates(db, { accountId: account.id, channelId: source.channelId, name: source.name }),
        mostUsedLanguages(db, account.id),
      ]);
      const taken = versions.filter((t) => t.name === source.name).map((t) => t.language);
      const language = newLanguageDefault(taken, used, Object.keys(TEMPLATE_LANGUAGES)) ?? source.language;
      initial = { ...base, language };
      title = `New language version of ${source.name}`;
    } else {
      mode = 'copy';
      initial = { ...base, name: `${source.name}_copy`.slice(0, 512) };
      title = `Duplicate ${source.name}`;
    }
  }
  return (
    <NewTemplateClient accountId={account.id} channels={channels} initial={initial} mode={mode} title={title} draftKey={from ? `${mode}-${from}` : 'new'} />
  );
}
