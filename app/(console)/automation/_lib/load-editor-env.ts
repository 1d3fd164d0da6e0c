import 'server-only';
import { db } from '@/lib/db/client';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { listTemplates } from '@/lib/templates/list-templates';
import type { SubAccountOption, TemplateOption } from '@/components/flow-editor/editor-context';

/** What the editor's pickers offer: the account's subaccounts with channels, and its WhatsApp templates. */
export async function loadEditorEnv(accountId: string): Promise<{ subAccounts: SubAccountOption[]; templates: TemplateOption[] }> {
  const [structure, templates] = await Promise.all([listAccountStructure(db, accountId), listTemplates(db, { accountId })]);
  templates.sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
  return {
    subAccounts: structure.map((s) => ({ id: s.id, name: s.name, channels: s.channels.map((c) => ({ id: c.id, type: c.kind, address: c.address })) })),
    templates: templates.map((t) => ({
      id: t.id,
      name: t.name,
      language: t.language,
      status: t.status,
      subAccountId: t.subAccountId,
      components: t.components,
    })),
  };
}
