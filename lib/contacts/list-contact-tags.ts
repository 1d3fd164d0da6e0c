import type { Db } from '@/lib/db/client';
import { all, readNow } from '@/lib/db/sql';

/** The account's tags with how many contacts carry each (the Contacts page's tag filter, the wizard's audiences). */
export async function listContactTags(db: Db, accountId: string): Promise<{ tag: string; contacts: number }[]> {
  return readNow(db, (conn) =>
    all<{ tag: string; contacts: number }>(
      conn,
      'SELECT "tag", count(*) AS "contacts" FROM "ContactTag" WHERE "accountId" = ? GROUP BY "tag" ORDER BY "tag" LIMIT 1000',
      accountId,
    ),
  );
}
