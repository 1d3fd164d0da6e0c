'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { createCannedResponse, deleteCannedResponse, updateCannedResponse } from '@/lib/converse/canned-responses';
import { updateConverseConfig } from '@/lib/converse/converse-config';
import { converseAction } from '../converse-context';

// Supervisors and administrators only: lib/converse refuses anyone else (the page is not the check).

export const saveConfigAction = converseAction(
  z.object({ resolvedToClosedHours: z.number(), pendingToClosedHours: z.number(), maxAssignedTicketsPerAgent: z.number() }),
  async (input, ctx) => updateConverseConfig(db, ctx.viewer, input),
);

const canned = z.object({ shortcut: z.string(), text: z.string() });

export const createCannedAction = converseAction(canned, async (input, ctx) => createCannedResponse(db, ctx.viewer, input));

export const updateCannedAction = converseAction(canned.extend({ id: z.string().min(1) }), async ({ id, ...input }, ctx) =>
  updateCannedResponse(db, ctx.viewer, id, input),
);

export const deleteCannedAction = converseAction(z.object({ id: z.string().min(1) }), async (input, ctx) => {
  await deleteCannedResponse(db, ctx.viewer, input.id);
  return { id: input.id };
});
