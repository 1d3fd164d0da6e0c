import fs from 'node:fs';
import path from 'node:path';
import { campaignFilesRoot } from '@/lib/campaigns/audience/audience-file';
import { purgeRecipients } from '@/lib/campaigns/audience/purge-recipients';
import type { Db } from '@/lib/db/client';
import { read } from '@/lib/db/tx';
import { logger } from '@/lib/log/logger';

// An import writes its recipients before its campaign row (which comes last, so that a failure leaves
// no campaign). A failure takes them out again; a process that dies mid-import cannot. So each import
// leaves a marker file while it runs, and the next import removes the recipients of any marker that
// is old and has no campaign: no scan of the recipients table is needed to find them.

const ABANDONED_AFTER_MS = 30 * 60_000;

async function markerDir(db: Db): Promise<string> {
  return path.join(await campaignFilesRoot(db), '.importing');
}

/** Marks the import of `campaignId` as running; `done` takes the mark away. */
export async function markImport(db: Db, campaignId: string): Promise<{ done(): Promise<void> }> {
  const dir = await markerDir(db);
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, campaignId);
  await fs.promises.writeFile(file, '');
  return { done: () => fs.promises.rm(file, { force: true }) };
}

/** Removes the recipients of imports that were cut off (marked long ago, no campaign stored). */
export async function sweepAbandonedImports(db: Db, now = Date.now()): Promise<string[]> {
  const dir = await markerDir(db);
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  const swept: string[] = [];
  for (const id of names) {
    const file = path.join(dir, id);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat || now - stat.mtimeMs < ABANDONED_AFTER_MS) continue;
    const stored = await read(db, (t) => t.one('SELECT 1 AS "one" FROM "Campaign" WHERE "id" = ?', id));
    try {
      if (!stored) await purgeRecipients(db, id);
      await fs.promises.rm(file, { force: true });
      swept.push(id);
    } catch (err) {
      logger.warn({ err, campaignId: id }, 'could not remove the recipients of an abandoned campaign import');
    }
  }
  return swept;
}
