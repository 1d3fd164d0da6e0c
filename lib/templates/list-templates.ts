import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { TEMPLATE_STATUSES, toStoredTemplate, type StoredTemplate } from '@/lib/templates/stored-template';
import { TEMPLATE_CATEGORIES } from '@/lib/templates/template-schema';
import { canonicalTemplateLanguage } from '@/lib/templates/languages';

const upper = (v: unknown) => (typeof v === 'string' && v !== '' ? v.toUpperCase() : undefined);

/** Filters shared by GET .../templates and the console list (kept in the URL there). */
export const templateFiltersSchema = z.object({
  status: z.preprocess(upper, z.enum(TEMPLATE_STATUSES, { error: `status is one of ${TEMPLATE_STATUSES.join(', ')}` }).optional()),
  category: z.preprocess(upper, z.enum(TEMPLATE_CATEGORIES, { error: `category is one of ${TEMPLATE_CATEGORIES.join(', ')}` }).optional()),
  language: z
    .string()
    .trim()
    .min(1)
    .transform((l) => canonicalTemplateLanguage(l) ?? l)
    .optional()
    .catch(undefined),
  name: z.string().trim().max(512).optional(),
});
export type TemplateFilters = z.infer<typeof templateFiltersSchema>;

/** The account's templates, newest first; optionally one channel's. `name` matches part of the name. */
export async function listTemplates(db: Db, args: { accountId: string; channelId?: string } & TemplateFilters): Promise<StoredTemplate[]> {
  const rows = await db.template.findMany({
    where: {
      accountId: args.accountId,
      ...(args.channelId ? { channelId: args.channelId } : {}),
      ...(args.status ? { status: args.status } : {}),
      ...(args.category ? { category: args.category } : {}),
      ...(args.language ? { language: args.language } : {}),
      ...(args.name ? { name: { contains: args.name.toLowerCase() } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 1000,
  });
  return rows.map(toStoredTemplate);
}
