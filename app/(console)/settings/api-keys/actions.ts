'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { createApiKey, createApiKeyInput, revokeApiKey } from '@/lib/auth/api-keys';
import { accountAction } from '@/app/_lib/action';

export const createApiKeyAction = accountAction('settings.apikeys.manage', createApiKeyInput, (input, ctx) =>
  createApiKey(db, { accountId: ctx.accountId, name: input.name, scopes: input.scopes, creator: ctx.principal, actor: ctx.actor }),
);

export const revokeApiKeyAction = accountAction('settings.apikeys.manage', z.object({ id: z.string().min(1) }), async (input, ctx) => {
  await revokeApiKey(db, ctx.accountId, input.id, ctx.actor);
  return { id: input.id };
});
