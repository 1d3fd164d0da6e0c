import { z } from 'zod';
import { TICKET_STATUSES } from '@/lib/converse/ticket-rows';

// The bodies of the Converse API (API.md "Converse"), also what the console's actions parse.

const hours = (what: string) =>
  z
    .number({ error: `${what} must be a number of hours` })
    .gt(0, `${what} must be more than 0 hours`)
    .max(8760, `${what} must be at most 8760 hours (a year)`);

export const configSchema = z.strictObject({
  resolvedToClosedHours: hours('resolvedToClosedHours').optional(),
  pendingToClosedHours: hours('pendingToClosedHours').optional(),
  maxAssignedTicketsPerAgent: z
    .number({ error: 'maxAssignedTicketsPerAgent must be a whole number' })
    .int('maxAssignedTicketsPerAgent must be a whole number')
    .min(1, 'maxAssignedTicketsPerAgent must be at least 1')
    .max(1000, 'maxAssignedTicketsPerAgent must be at most 1000')
    .optional(),
});
export type ConfigInput = z.infer<typeof configSchema>;

export const openTicketSchema = z.strictObject({
  subAccountId: z.string({ error: 'subAccountId is required' }).trim().min(1, 'subAccountId is required'),
  msisdn: z.union([z.string(), z.number()], { error: 'msisdn is required' }).transform(String),
  channel: z.enum(['whatsapp', 'sms'], { error: "channel must be 'whatsapp' or 'sms'" }).optional(),
});

export const ticketStatusSchema = z.enum(TICKET_STATUSES, { error: `status must be one of ${TICKET_STATUSES.join(', ')}` });

export const updateTicketSchema = z
  .strictObject({
    status: ticketStatusSchema.optional(),
    // null gives the ticket back to the queue.
    assigneeId: z.string().trim().min(1, 'assigneeId must not be empty').nullable().optional(),
  })
  .refine((v) => v.status !== undefined || v.assigneeId !== undefined, { message: 'Give a status, an assigneeId, or both' });
export type TicketUpdate = z.infer<typeof updateTicketSchema>;

export const noteSchema = z.strictObject({
  text: z.string({ error: 'text is required' }).trim().min(1, 'Write the note first').max(4000, 'A note is at most 4000 characters'),
});

export const listTicketsQuerySchema = z.object({
  view: z.enum(['queue', 'mine', 'all'], { error: "view must be 'queue', 'mine' or 'all'" }).optional(),
  status: z.union([ticketStatusSchema, z.literal('open')]).optional(),
  assigneeId: z.string().min(1).optional(),
  subAccountId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1, 'limit must be at least 1').max(500, 'limit must be at most 500').default(50),
  cursor: z.string().min(1).optional(),
});
export type ListTicketsQuery = z.input<typeof listTicketsQuerySchema>;

export const cannedResponseSchema = z.strictObject({
  shortcut: z
    .string({ error: 'shortcut is required' })
    .trim()
    .transform((s) => s.replace(/^\//, '').toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'A shortcut is 1 to 32 letters, digits, - or _ (typed after "/")')),
  text: z.string({ error: 'text is required' }).trim().min(1, 'Write the reply').max(4096, 'A reply is at most 4096 characters'),
});
