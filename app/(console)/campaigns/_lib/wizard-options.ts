import 'server-only';
import { db } from '@/lib/db/client';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { listTemplates } from '@/lib/templates/list-templates';
import { listContactTags } from '@/lib/contacts/list-contact-tags';
import type { SubAccountOption, TemplateOption } from '@/components/campaigns/campaign-types';
import type { ContactTagOption } from '@/components/campaigns/wizard/audience-step';

/** What the wizard offers: the subaccounts that can send WhatsApp, their approved templates, the contact tags. */
export async function wizardOptions(accountId: string): Promise<{ subAccounts: SubAccountOption[]; templates: TemplateOption[]; tags: ContactTagOption[] }> {
  const [structure, approved, tags] = await Promise.all([
    listAccountStructure(db, accountId),
    listTemplates(db, { accountId, status: 'APPROVED' }),
    listContactTags(db, accountId),
  ]);
  const subAccounts = structure.flatMap((s) => {
    const wa = s.channels.find((c) => c.kind === 'whatsapp');
    return wa ? [{ id: s.id, name: s.name, channelName: wa.name }] : [];
  });
  const templates = approved
    .map((t) => ({ id: t.id, subAccountId: t.subAccountId, name: t.name, language: t.language, category: t.category, components: t.components }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
  return { subAccounts, templates, tags: tags.map((t) => ({ tag: t.tag, count: t.contacts })) };
}
