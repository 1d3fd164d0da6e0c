'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { scheduleSchema } from '@/lib/campaigns/campaign-spec';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { deleteCampaign } from '@/lib/campaigns/delete-campaign';
import { launchCampaign } from '@/lib/campaigns/lifecycle/launch-campaign';
import { pauseCampaign } from '@/lib/campaigns/lifecycle/pause-campaign';
import { resumeCampaign } from '@/lib/campaigns/lifecycle/resume-campaign';
import { cancelCampaign } from '@/lib/campaigns/lifecycle/cancel-campaign';
import { retryFailedCampaign } from '@/lib/campaigns/lifecycle/retry-failed-campaign';
import { testSendCampaign } from '@/lib/campaigns/lifecycle/test-send-campaign';

const byId = z.object({ id: z.string().min(1, 'Which campaign?') });

/**
 * The wizard's "Review": imports the audience against the mapping (seconds for a big file) and keeps
 * the result as a draft. The spec is checked by lib, so its messages name the field the same way the
 * REST API does; "Back to mapping" passes the draft it replaces.
 */
export const createCampaignAction = accountAction(
  'campaigns.send',
  z.object({
    spec: z.unknown(),
    audience: z.union([z.object({ fileId: z.string().min(1) }), z.object({ contactsTag: z.string().min(1) })], { error: 'Choose the audience' }),
    replaceDraftId: z.string().min(1).optional(),
  }),
  async (input, ctx) => {
    const v = await createCampaign(db, ctx.actor, {
      accountId: ctx.accountId,
      spec: input.spec,
      audience: input.audience,
      replaceDraftId: input.replaceDraftId,
    });
    return { id: v.id };
  },
);

/** Review's "Send now" / "Schedule", with the schedule and rate chosen there. */
export const launchCampaignAction = accountAction(
  'campaigns.send',
  byId.extend({ schedule: scheduleSchema.nullable(), ratePerSecond: z.number().int().min(1).max(10_000) }),
  async (input, ctx) => {
    const v = await launchCampaign(db, ctx.actor, ctx.accountId, input.id, { schedule: input.schedule, ratePerSecond: input.ratePerSecond });
    return { id: v.id, status: String(v.status) };
  },
);

export const pauseCampaignAction = accountAction('campaigns.send', byId, async (input, ctx) => {
  const v = await pauseCampaign(db, ctx.actor, ctx.accountId, input.id);
  return { id: v.id, status: String(v.status) };
});

export const resumeCampaignAction = accountAction('campaigns.send', byId, async (input, ctx) => {
  const v = await resumeCampaign(db, ctx.actor, ctx.accountId, input.id);
  return { id: v.id, status: String(v.status) };
});

export const cancelCampaignAction = accountAction('campaigns.send', byId, async (input, ctx) => {
  const v = await cancelCampaign(db, ctx.actor, ctx.accountId, input.id);
  return { id: v.id, status: String(v.status) };
});

export const retryFailedCampaignAction = accountAction('campaigns.send', byId, async (input, ctx) => {
  const v = await retryFailedCampaign(db, ctx.actor, ctx.accountId, input.id);
  return { id: v.id, status: String(v.status) };
});

/** Review's test send: one row's message to a number of the user's choice, through the send pipeline. */
export const testSendCampaignAction = accountAction(
  'campaigns.send',
  byId.extend({ msisdn: z.string().trim().min(1, 'Enter the number to send the test to'), row: z.number().int().min(2).optional() }),
  async (input, ctx) => {
    const sent = await testSendCampaign(db, ctx.actor, ctx.accountId, input.id, { msisdn: input.msisdn, ...(input.row ? { row: input.row } : {}) });
    return { umid: sent.umid };
  },
);

export const deleteCampaignAction = accountAction('campaigns.send', byId, async (input, ctx) => {
  await deleteCampaign(db, ctx.actor, ctx.accountId, input.id);
  return { id: input.id };
});
