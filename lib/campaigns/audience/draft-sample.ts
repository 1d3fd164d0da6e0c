import fs from 'node:fs';
import type { Db } from '@/lib/db/client';
import { audienceFilePath } from '@/lib/campaigns/audience/audience-file';
import { SNIFF_BYTES, sniffAudience } from '@/lib/campaigns/audience/sniff-audience';

/**
 * The first rows of a draft's stored CSV, read as the import reads them, so that mapping a draft again
 * previews real values as it did the first time. Nothing (an empty preview) if the file is gone.
 */
export async function draftSample(db: Db, accountId: string, fileId: string): Promise<string[][]> {
  try {
    const file = await fs.promises.open(await audienceFilePath(db, accountId, fileId), 'r');
    try {
      const { buffer, bytesRead } = await file.read(new Uint8Array(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
      return sniffAudience(buffer.subarray(0, bytesRead)).sample;
    } finally {
      await file.close();
    }
  } catch {
    return [];
  }
}
