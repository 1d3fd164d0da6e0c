'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { getMessageStatus } from '@/lib/messaging/send-message';
import { createSubAccount } from '@/lib/provisioning/create-sub-account';
import { createSubAccountInput } from '@/lib/provisioning/channel-input';
import { createChannel } from '@/lib/provisioning/create-channel';
import { updateChannel } from '@/lib/provisioning/update-channel';
import { channelTestInput, sendChannelTest } from '@/lib/provisioning/send-channel-test';

export const createSubAccountAction = accountAction('settings.channels.manage', createSubAccountInput, (input, ctx) =>
  createSubAccount(db, ctx.actor, ctx.accountId, input),
);

/** `channel` is createChannelInput, checked by the domain (its errors name the form's fields). */
export const createChannelAction = accountAction(
  'settings.channels.manage',
  z.object({ subAccountId: z.string().min(1, 'Choose a subaccount'), channel: z.unknown() }),
  (input, ctx) => createChannel(db, ctx.actor, ctx.accountId, input.subAccountId, input.channel as never),
);

/** Renames a channel or rotates its credentials (blank fields keep the stored ones). */
export const updateChannelAction = accountAction(
  'settings.channels.manage',
  z.object({ subAccountId: z.string().min(1), channelId: z.string().min(1), change: z.unknown() }),
  (input, ctx) => updateChannel(db, ctx.actor, ctx.accountId, input.subAccountId, input.channelId, input.change as never),
);

/** The channel page's test send, through the one send pipeline. */
export const sendChannelTestAction = accountAction('messages.send', channelTestInput, async (input, ctx) => {
  const sent = await sendChannelTest(db, ctx.accountId, input);
  return { umid: sent.umid };
});

/** The test message's state as it moves on (queued → sent → delivered, or why it failed). */
export const channelTestStatusAction = accountAction('messages.send', z.object({ umid: z.string().min(1) }), (input, ctx) =>
  getMessageStatus(db, ctx.accountId, input.umid),
);
