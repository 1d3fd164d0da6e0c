'use server';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { cancelInstance, retryInstance } from '@/lib/automation/runner/resume-instance';

const input = z.object({ instanceId: z.string().min(1) });

export const cancelRunAction = accountAction('automation.publish', input, async ({ instanceId }, ctx) => {
  await cancelInstance(db, ctx.accountId, instanceId, ctx.actor);
  revalidatePath(`/automation/runs/${instanceId}`);
  return { instanceId };
});

// The run goes on in the background; the page shows where it got to.
export const retryRunAction = accountAction('automation.publish', input, async ({ instanceId }, ctx) => {
  await retryInstance(db, ctx.accountId, instanceId, ctx.actor, { wait: false });
  revalidatePath(`/automation/runs/${instanceId}`);
  return { instanceId };
});
