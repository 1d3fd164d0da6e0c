import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import type { Actor } from '@/lib/audit/record-audit-event';
import { parseIsoInstant } from '@/lib/messaging/logs/logs-query-schema';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import type { OptOutSource } from '@/lib/contacts/contact-input';
import { contactMsisdn } from '@/lib/contacts/contact-msisdn';
import { insertOptOut } from '@/lib/contacts/opt-out-rows';
import { findOptOutView } from '@/lib/contacts/list-opt-outs';
import type { OptOutView } from '@/lib/contacts/opt-out-view';

// A client's clock may run a little ahead of ours.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** PUT /opt-outs/{msisdn}: an empty body, or when the customer asked (an opt-out list moved from another system). */
export const optOutBodySchema = z
  .object(
    {
      optedOutAt: z.preprocess(
        (v) => (v === null ? undefined : v),
        z
          .string({ error: 'optedOutAt must be an ISO 8601 date-time' })
          .transform((v, ctx) => {
            const at = parseIsoInstant(v.trim());
            if (!at) ctx.addIssue({ code: 'custom', message: 'optedOutAt must be an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z' });
            else if (at.getTime() > Date.now() + MAX_CLOCK_SKEW_MS) ctx.addIssue({ code: 'custom', message: 'optedOutAt must not be in the future' });
            else if (at.getTime() < 0) ctx.addIssue({ code: 'custom', message: 'optedOutAt must not be before 1970' });
            return at ?? z.NEVER;
          })
          .optional(),
      ),
    },
    { error: 'The body must be a JSON object: { "optedOutAt"? } or empty' },
  )
  .optional();

const SOURCE_LABEL: Record<OptOutSource, string> = { keyword: 'by keyword', manual: 'by hand', api: 'through the API', import: 'by import' };

/**
 * Opts the number out of marketing messages (API.md: a marketing template to it ends rejected 131050).
 * A number already opted out keeps its first record, and nothing is written or audited again.
 */
export async function addOptOut(
  db: Db,
  accountId: string,
  rawMsisdn: unknown,
  opts: { source: OptOutSource; body?: unknown; actor: Actor },
): Promise<{ optOut: OptOutView; created: boolean }> {
  const msisdn = contactMsisdn(rawMsisdn);
  const body = parseWith(optOutBodySchema, opts.body);
  return write(db, function* (t) {
    const now = new Date();
    const at = body?.optedOutAt ?? now;
    const created = yield* insertOptOut(t, accountId, msisdn, opts.source, at);
    if (created) {
      yield* insertAuditRow(
        t,
        opts.actor,
        {
          accountId,
          action: 'opt_out.add',
          entityType: 'opt_out',
          entityId: msisdn,
          summary: `Opted ${msisdn} out of marketing messages ${SOURCE_LABEL[opts.source]}`,
          changes: { after: { source: opts.source, optedOutAt: at.toISOString() } },
        },
        now,
      );
    }
    return { optOut: (yield* findOptOutView(t, accountId, msisdn))!, created };
  });
}
