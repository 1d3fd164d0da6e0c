'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { createEndpoint, createEndpointInput, deleteEndpoint, updateEndpoint, updateEndpointInput } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { resendDelivery } from '@/lib/webhooks/deliver';
import { wakeBackgroundTask } from '@/lib/jobs/wake';
import { WEBHOOKS_TASK } from '@/lib/webhooks/background';

export const createWebhookAction = accountAction('settings.webhooks.manage', createEndpointInput, async (input, ctx) => {
  const endpoint = await createEndpoint(db, ctx.accountId, input, ctx.actor);
  return { id: endpoint.id, secret: endpoint.secret };
});

export const deleteWebhookAction = accountAction('settings.webhooks.manage', z.object({ id: z.string().min(1) }), async (input, ctx) => {
  await deleteEndpoint(db, ctx.accountId, input.id, ctx.actor);
  return { id: input.id };
});

export const resendDeliveryAction = accountAction('settings.webhooks.manage', z.object({ id: z.string().min(1) }), async (input, ctx) => {
  await resendDelivery(db, ctx.accountId, input.id, ctx.actor);
  wakeBackgroundTask(WEBHOOKS_TASK);
  return { id: input.id };
});

/** Changes a webhook's URL and events (console only: the REST API has no update, as API.md has none). */
export const updateWebhookAction = accountAction('settings.webhooks.manage', updateEndpointInput.extend({ id: z.string().min(1) }), async (input, ctx) => {
  const { id, ...change } = input;
  return updateEndpoint(db, ctx.accountId, id, change, ctx.actor);
});

/** Sends a signed test event to the webhook now and answers with its recorded delivery. */
export const sendTestEventAction = accountAction(
  'settings.webhooks.manage',
  z.object({ id: z.string().min(1), eventType: z.string().min(1).optional() }),
  async (input, ctx) => sendTestEvent(db, { accountId: ctx.accountId, endpointId: input.id, eventType: input.eventType, actor: ctx.actor }),
);
