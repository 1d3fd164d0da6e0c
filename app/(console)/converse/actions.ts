'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { addTicketNote } from '@/lib/converse/add-ticket-note';
import { inboxSnapshot, replyTemplates, ticketPanel } from '@/lib/converse/console-inbox';
import { markTicketRead } from '@/lib/converse/mark-ticket-read';
import { replyToTicket } from '@/lib/converse/reply-to-ticket';
import { updateTicket } from '@/lib/converse/update-ticket';
import { fillTemplateComponents } from '@/lib/templates/template-slots';
import { converseAction } from './converse-context';

const ticket = z.object({ id: z.string().min(1) });

/** The inbox's lists, or only its version when nothing changed since `version` (polled every second). */
export const pollInboxAction = converseAction(z.object({ version: z.string().optional() }), async (input, ctx) => inboxSnapshot(db, ctx.viewer, input.version));

export const loadTicketAction = converseAction(ticket, async (input, ctx) => ticketPanel(db, ctx.viewer, input.id));

export const replyTemplatesAction = converseAction(ticket, async (input, ctx) => replyTemplates(db, ctx.viewer, input.id));

export const markReadAction = converseAction(ticket, async (input, ctx) => markTicketRead(db, ctx.viewer, input.id));

/** Take, assign to…, back to the queue, pending, resolve, close, reopen. */
export const updateTicketAction = converseAction(
  ticket.extend({ status: z.string().optional(), assigneeId: z.string().nullable().optional() }),
  async ({ id, ...change }, ctx) => updateTicket(db, ctx.viewer, id, change),
);

/** A freeform text, or an approved template with a value per parameter (keyed as templateSlots names them). */
export const replyAction = converseAction(
  ticket.extend({
    clientMessageId: z.string().max(100).optional(),
    text: z.string().optional(),
    template: z
      .object({
        name: z.string().min(1),
        language: z.string().min(1),
        values: z.record(z.string(), z.string()),
      })
      .optional(),
  }),
  async (input, ctx) => {
    const body = input.template
      ? await templateBody(input.id, input.template, ctx.viewer)
      : { type: 'text', content: { text: input.text ?? '' }, clientMessageId: input.clientMessageId };
    return replyToTicket(db, ctx.viewer, input.id, { ...body, clientMessageId: input.clientMessageId });
  },
);

async function templateBody(id: string, t: { name: string; language: string; values: Record<string, string> }, viewer: Parameters<typeof replyTemplates>[1]) {
  const template = (await replyTemplates(db, viewer, id)).find((x) => x.name === t.name && x.language === t.language);
  // Not approved (any more): the send pipeline names the problem (3038).
  const components = template ? fillTemplateComponents(template, t.values) : [];
  return { type: 'template', content: { template: { name: t.name, language: t.language, components } } };
}

export const addNoteAction = converseAction(ticket.extend({ text: z.string() }), async (input, ctx) =>
  addTicketNote(db, ctx.viewer, input.id, { text: input.text }),
);
