'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { setAccountTimeZone } from '@/lib/tenancy/set-account-time-zone';

// The account's time zone decides the days its usage and cost are counted in, so it sits with the
// pricing settings: settings.pricing.manage, the permission of whoever manages what the account pays.
export const setAccountTimeZoneAction = accountAction(
  'settings.pricing.manage',
  z.object({ timeZone: z.string().min(1, 'Choose a time zone') }),
  (input, ctx) => setAccountTimeZone(db, { accountId: ctx.accountId, timeZone: input.timeZone, actor: ctx.actor }),
);
