import type { Db } from '@/lib/db/client';
import { read } from '@/lib/db/tx';

/** The account's tags with how many contacts carry each (the Contacts page's tag filter, the wizard's audiences). */
export async function listContactTags(db: Db, accountId: string): Promise<{ tag: string; contacts: number }[]> {
  return read(db, (t) =>
    t.all<{ tag: string; contacts: number }>(
      'SELECT "tag", count(*) AS "contacts" FROM "ContactTag" WHERE "accountId" = ? GROUP BY "tag" ORDER BY "tag" LIMIT 1000',
      accountId,
    ),
  );
}
