'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { createApiKey, createApiKeyInput, revokeApiKey } from '@/lib/auth/api-keys';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { accountAction } from '@/app/_lib/action';

export const createApiKeyAction = accountAction('settings.apikeys.manage', createApiKeyInput, async (input, ctx) => {
  const key = await createApiKey(db, { accountId: ctx.accountId, name: input.name, scopes: input.scopes, creator: ctx.principal });
  await recordAuditEvent(db, ctx.actor, {
    accountId: ctx.accountId,
    action: 'apikey.create',
    entityType: 'api_key',
    entityId: key.id,
    summary: `Created API key "${input.name}"`,
    changes: { after: { name: input.name, scopes: input.scopes } },
  });
  return key;
});

export const revokeApiKeyAction = accountAction('settings.apikeys.manage', z.object({ id: z.string().min(1) }), async (input, ctx) => {
  const { name } = await revokeApiKey(db, ctx.accountId, input.id);
  await recordAuditEvent(db, ctx.actor, {
    accountId: ctx.accountId,
    action: 'apikey.revoke',
    entityType: 'api_key',
    entityId: input.id,
    summary: `Revoked API key "${name}"`,
  });
  return { id: input.id };
});
