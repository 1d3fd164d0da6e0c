import type { Db } from '@/lib/db/client';

/** The account's template languages, most used first (ties alphabetical): what "New language" offers first. */
export async function mostUsedLanguages(db: Db, accountId: string): Promise<string[]> {
  const groups = await db.template.groupBy({ by: ['language'], where: { accountId }, _count: { _all: true } });
  return groups.sort((a, b) => b._count._all - a._count._all || a.language.localeCompare(b.language)).map((g) => g.language);
}

/**
 * Where businesses on WhatsApp most often translate templates to, for an account whose own templates
 * say nothing yet (all in one language): better than the alphabetical list's first entry, Afrikaans.
 */
const WIDELY_USED = ['en_US', 'es', 'pt_BR', 'en_GB', 'fr', 'de', 'it', 'id', 'ar', 'hi', 'es_MX', 'en'];

/**
 * The language a new language version of a template starts in: the account's most used language the
 * template does not have yet, else a widely used one, else the first WhatsApp language it does not have
 * (`all`, in list order).
 */
export function newLanguageDefault(taken: Iterable<string>, mostUsed: string[], all: string[]): string | null {
  const has = new Set(taken);
  const free = (l: string) => !has.has(l) && all.includes(l);
  return mostUsed.find(free) ?? WIDELY_USED.find(free) ?? all.find(free) ?? null;
}
