import type { Db } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import { env } from '@/lib/env';
import { parseWith } from '@/lib/api/read-json';
import { templatePayloadSchema, type TemplatePayload } from '@/lib/templates/template-schema';
import { toStoredTemplate, type StoredTemplate } from '@/lib/templates/stored-template';
import { findTemplateChannel } from '@/lib/templates/find-template-channel';
import type { Prisma } from '@/lib/db/generated/client';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { transactWithRetry } from '@/lib/db/retry-when-busy';
import { submitTemplateToProvider } from '@/lib/channels/submit-template-to-provider';

export type CreateTemplateInput = {
  accountId: string;
  channelId: string;
  /** The creation payload as received; validated here with the one shared schema. */
  payload: unknown;
  /** Who submitted it, kept in the history: "api" or "console:<email>". */
  source: string;
  /** Who is acting (a user or an API key): the audit record commits with the template. */
  actor: Actor;
};

/** Submits a template for review: stored PENDING with its first history entry, due for the reviewer. */
export async function createTemplate(db: Db, input: CreateTemplateInput): Promise<StoredTemplate> {
  const channel = await findTemplateChannel(db, input.accountId, input.channelId);
  const payload: TemplatePayload = parseWith(templatePayloadSchema, input.payload);
  const exists = await db.template.findUnique({
    where: { channelId_name_language: { channelId: channel.id, name: payload.name, language: payload.language } },
    select: { id: true },
  });
  if (exists) throw duplicate(payload);
  // A carrier channel's template goes to WhatsApp's review through the carrier, whose webhook decides it.
  const carrierReviews = await submitTemplateToProvider(db, channel, input.accountId, payload);
  try {
    return await transactWithRetry(db, async (tx) => {
      const row = await tx.template.create({
        data: {
          accountId: input.accountId,
          subAccountId: channel.subAccountId,
          channelId: channel.id,
          name: payload.name,
          language: payload.language,
          category: payload.category,
          components: payload.components as Prisma.InputJsonValue,
          status: 'PENDING',
          reviewDueAt: carrierReviews ? null : new Date(Date.now() + env.SANDBOX_TEMPLATE_REVIEW_MS),
          history: { create: { fromStatus: null, toStatus: 'PENDING', source: input.source } },
        },
      });
      const t = toStoredTemplate(row);
      await recordAuditEvent(tx, input.actor, {
        accountId: input.accountId,
        action: 'template.create',
        entityType: 'template',
        entityId: t.id,
        summary: `Submitted template "${t.name}" (${t.language}, ${t.category}) on ${t.channelId}`,
        changes: { name: t.name, language: t.language, category: t.category, channelId: t.channelId },
      });
      return t;
    });
  } catch (err) {
    // Two submissions racing past the check above: the unique index decides.
    if ((err as { code?: string }).code === 'P2002') throw duplicate(payload);
    throw err;
  }
}

function duplicate(p: TemplatePayload) {
  return new ConflictError(duplicateTemplateMessage(p));
}

/** What a duplicate name+language is told, by the API (409) and beside the designer's Name field. */
export function duplicateTemplateMessage(p: { name: string; language: string }): string {
  return `A template named '${p.name}' in language '${p.language}' already exists on this channel`;
}
