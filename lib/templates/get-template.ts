import type { Db } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { toStoredTemplate, type StoredTemplate } from '@/lib/templates/stored-template';

/**
 * One template of a channel by name and language. Without a language the name must be unambiguous
 * (a single language version), otherwise the caller is asked to choose.
 */
export async function getTemplate(db: Db, args: { accountId: string; channelId: string; name: string; language?: string | null }): Promise<StoredTemplate> {
  const rows = await db.template.findMany({
    where: { accountId: args.accountId, channelId: args.channelId, name: args.name, ...(args.language ? { language: args.language } : {}) },
    orderBy: { language: 'asc' },
  });
  if (!rows.length) throw new NotFoundError(`Template '${args.name}'${args.language ? ` in language '${args.language}'` : ''} not found`);
  if (rows.length > 1)
    throw new ValidationError(`Invalid parameter(s): 'language'`, [
      { path: 'language', message: `Template '${args.name}' exists in ${rows.map((r) => r.language).join(', ')}: add ?language= to choose one` },
    ]);
  return toStoredTemplate(rows[0]);
}

/** A template by id within the account (the console's way in). */
export async function getTemplateById(db: Db, accountId: string, id: string): Promise<StoredTemplate> {
  const row = await db.template.findFirst({ where: { id, accountId } });
  if (!row) throw new NotFoundError('Template not found');
  return toStoredTemplate(row);
}

/** The status history of a template, oldest first. */
export async function getTemplateHistory(db: Db, accountId: string, id: string) {
  await getTemplateById(db, accountId, id);
  return db.templateStatusChange.findMany({ where: { templateId: id }, orderBy: { createdAt: 'asc' } });
}
