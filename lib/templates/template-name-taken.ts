import type { Db } from '@/lib/db/client';
import { duplicateTemplateMessage } from '@/lib/templates/create-template';

/**
 * Why this name cannot be submitted in this language on this channel (a template already has them:
 * the API answers 409), or null when it is free. The designer asks as the name is typed, so the
 * problem shows at the Name field before submitting.
 */
export async function templateNameTaken(db: Db, args: { accountId: string; channelId: string; name: string; language: string }): Promise<string | null> {
  const found = await db.template.findFirst({
    where: { accountId: args.accountId, channelId: args.channelId, name: args.name, language: args.language },
    select: { id: true },
  });
  return found ? duplicateTemplateMessage(args) : null;
}
