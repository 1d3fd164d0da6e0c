import { isSupportedCountry } from 'libphonenumber-js';
import type { Actor } from '@/lib/audit/record-audit-event';
import { ianaZone } from '@/lib/automation/script/time-zones';
import { audienceFilePath, databaseUrlOf, deleteAudienceFile } from '@/lib/campaigns/audience/audience-file';
import { planAudience } from '@/lib/campaigns/audience/audience-mapping';
import { estimateCampaign } from '@/lib/campaigns/audience/estimate-campaign';
import type { ImportJob, ImportProgress } from '@/lib/campaigns/audience/import-audience-rows';
import { markImport, sweepAbandonedImports } from '@/lib/campaigns/audience/import-markers';
import { purgeRecipients } from '@/lib/campaigns/audience/purge-recipients';
import { runAudienceImport } from '@/lib/campaigns/audience/run-audience-import';
import { campaignSpecSchema, type CampaignSpec } from '@/lib/campaigns/campaign-spec';
import { campaignView, type CampaignRow, type CampaignView } from '@/lib/campaigns/campaign-view';
import { parseWith } from '@/lib/api/read-json';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import type { Db } from '@/lib/db/client';
import { newId, sqlDate, sqlJson } from '@/lib/db/sql';
import { read, write } from '@/lib/db/tx';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { TEMPLATE_NOT_FOUND } from '@/lib/messaging/codes';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';

export type CampaignAudience = { fileId: string } | { contactsTag: string };

export type CreateCampaignInput = {
  accountId: string;
  /** The spec as API.md takes it (validated here: 400 1005 naming each problem). */
  spec: unknown;
  /** A stored CSV (storeAudienceFile) or the contacts with a tag; a `contactsTag` in the spec is used when this is absent. */
  audience?: CampaignAudience;
  /** A draft of the account this one replaces (the wizard's "back to mapping"), in the same transaction. */
  replaceDraftId?: string;
  /** Rows read so far, for a progress bar. */
  onProgress?: (p: ImportProgress) => void;
};

function checkSpec(raw: unknown): CampaignSpec {
  const spec = parseWith(campaignSpecSchema, raw ?? {});
  const country = spec.recipients.defaultCountry;
  if (country && !isSupportedCountry(country))
    throw new ValidationError(`Unknown country '${country}'`, [{ path: 'recipients.defaultCountry', message: 'An ISO 3166 alpha-2 country code such as SG' }]);
  const zone = spec.schedule?.timeZone;
  if (zone && !ianaZone(zone))
    throw new ValidationError(`Unknown time zone '${zone}'`, [
      { path: 'schedule.timeZone', message: 'An IANA zone (Asia/Singapore) or a Windows id (Singapore Standard Time)' },
    ]);
  return spec;
}

/** The draft being replaced, with the file its audience came from; 404 for another account's, 409 past draft. */
async function draftToReplace(db: Db, accountId: string, id: string): Promise<{ audienceFileId: string | null }> {
  const row = await read(db, (t) =>
    t.one<{ status: string; audienceFileId: string | null }>(
      'SELECT "status", "audienceFileId" FROM "Campaign" WHERE "id" = ? AND "accountId" = ?',
      id,
      accountId,
    ),
  );
  if (!row) throw new NotFoundError(`Campaign '${id}' not found`);
  if (row.status !== 'draft') throw new ConflictError(`Campaign '${id}' is ${row.status}: only a draft can be replaced`);
  return row;
}

/**
 * Makes a draft campaign: checks the spec (the subaccount is the account's and has a WhatsApp channel,
 * the template is APPROVED there, every variable is mapped), imports the audience (every row stored
 * as a recipient, with its problems), estimates the cost, and stores the campaign with its audit entry.
 * All or nothing: the campaign row is written last, and a failure takes the recipients back out.
 */
export async function createCampaign(db: Db, actor: Actor, input: CreateCampaignInput): Promise<CampaignView> {
  const { accountId } = input;
  const spec = checkSpec(input.spec);
  const audience: CampaignAudience | null = input.audience ?? (spec.contactsTag ? { contactsTag: spec.contactsTag } : null);
  if (!audience)
    throw new ValidationError('Give the audience: a CSV file, or "contactsTag"', [{ path: 'contactsTag', message: 'A CSV file or a contact tag' }]);
  const sub = await findSubAccount(db, accountId, spec.subAccountId);
  if (!sub.channels.some((c) => c.kind === 'whatsapp'))
    throw new ValidationError(`Subaccount '${sub.id}' has no WhatsApp channel`, [
      { path: 'subAccountId', message: 'Choose a subaccount with a WhatsApp channel' },
    ]);
  const template = await findApprovedTemplate(db, { subAccountId: sub.id, name: spec.template.name, language: spec.template.language });
  if (!template)
    throw new ValidationError(
      `Template not found: no APPROVED template named '${spec.template.name}' in language '${spec.template.language}' for subaccount '${sub.id}'`,
      [{ path: 'template.name', message: 'No approved template with this name and language' }],
      TEMPLATE_NOT_FOUND,
    );
  planAudience(template, spec.parameters);
  const replaced = input.replaceDraftId ? await draftToReplace(db, accountId, input.replaceDraftId) : null;
  const fileId = 'fileId' in audience ? audience.fileId : null;
  const source: ImportJob['source'] =
    'fileId' in audience ? { kind: 'csv', path: await audienceFilePath(db, accountId, audience.fileId) } : { kind: 'tag', tag: audience.contactsTag };
  // Recipients of an import a crash cut off, before this one adds its own.
  await sweepAbandonedImports(db);
  const id = newId();
  const marker = await markImport(db, id);
  try {
    return await importAndStore(db, actor, { input, spec, audience, sub, template, source, fileId, replaced, id });
  } finally {
    await marker.done();
  }
}

type Prepared = {
  input: CreateCampaignInput;
  spec: CampaignSpec;
  audience: CampaignAudience;
  sub: Awaited<ReturnType<typeof findSubAccount>>;
  template: NonNullable<Awaited<ReturnType<typeof findApprovedTemplate>>>;
  source: ImportJob['source'];
  fileId: string | null;
  replaced: { audienceFileId: string | null } | null;
  id: string;
};

/** The import, then the campaign row and its audit entry in one transaction; a failure removes the recipients. */
async function importAndStore(db: Db, actor: Actor, p: Prepared): Promise<CampaignView> {
  const { input, spec, audience, sub, template, source, fileId, replaced, id } = p;
  const { accountId } = input;
  const channel = sub.channels.find((c) => c.id === template.channelId) ?? sub.channels.find((c) => c.kind === 'whatsapp')!;
  // The outbox holds the channel's rate for every send: a campaign rate above it would be a promise the
  // campaign cannot keep, so the configured rate is always the real one.
  if (spec.ratePerSecond && spec.ratePerSecond > channel.rateLimitPerSecond) {
    const message = `The channel ${channel.address} sends at most ${channel.rateLimitPerSecond} messages a second; ask for that or less`;
    throw new ValidationError(message, [{ path: 'ratePerSecond', message }]);
  }
  const category = template.category.toLowerCase();
  const summary = await runAudienceImport(
    {
      databaseUrl: await databaseUrlOf(db),
      campaignId: id,
      accountId,
      source,
      template: { name: template.name, language: template.language, category: template.category, components: template.components },
      parameters: spec.parameters,
      msisdnColumn: spec.recipients.msisdnColumn,
      defaultCountry: spec.recipients.defaultCountry,
      skipOptedOut: category === 'marketing',
      saveContacts: spec.saveContactsTag ? { tag: spec.saveContactsTag, actor } : undefined,
    },
    input.onProgress,
  ).catch(async (err) => {
    await purgeRecipients(db, id);
    throw err;
  });

  const stored: CampaignSpec = {
    ...spec,
    recipients: { ...spec.recipients, msisdnColumn: summary.msisdnColumn },
    ...('contactsTag' in audience ? { contactsTag: audience.contactsTag } : {}),
  };
  let row: CampaignRow;
  try {
    row = await write(db, function* (t) {
      const now = new Date();
      if (input.replaceDraftId) {
        const gone = yield* t.run(`DELETE FROM "Campaign" WHERE "id" = ? AND "accountId" = ? AND "status" = 'draft'`, input.replaceDraftId, accountId);
        if (!gone) throw new ConflictError(`Campaign '${input.replaceDraftId}' is no longer a draft`);
      }
      const estimate = yield* estimateCampaign(t, { accountId, category, byCallingCode: summary.byCallingCode, now });
      const { rows, valid, invalid, duplicates, optedOut } = summary.counts;
      yield* t.run(
        `INSERT INTO "Campaign" ("id", "accountId", "subAccountId", "channelId", "name", "templateName", "templateLanguage", "category", "spec", "audienceFileId",
           "columns", "slotKeys", "status", "ratePerSecond", "estimate", "rows", "valid", "invalid", "duplicates", "optedOut", "pending", "createdById", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        accountId,
        sub.id,
        channel.id,
        spec.name,
        template.name,
        template.language,
        category,
        sqlJson(stored),
        fileId,
        sqlJson(summary.columns),
        sqlJson(summary.slotKeys),
        spec.ratePerSecond ?? channel.rateLimitPerSecond,
        sqlJson(estimate),
        rows,
        valid,
        invalid,
        duplicates,
        optedOut,
        valid,
        actor.userId ?? null,
        sqlDate(now),
        sqlDate(now),
      );
      yield* insertAuditRow(
        t,
        actor,
        {
          accountId,
          action: 'campaign.create',
          entityType: 'campaign',
          entityId: id,
          summary: `Created draft campaign "${spec.name}": ${valid} of ${rows} recipients valid${input.replaceDraftId ? ` (replacing draft ${input.replaceDraftId})` : ''}`,
          changes: { template: spec.template, counts: summary.counts, ...(input.replaceDraftId ? { replaces: input.replaceDraftId } : {}) },
        },
        now,
      );
      return (yield* t.one<CampaignRow>('SELECT * FROM "Campaign" WHERE "id" = ?', id))!;
    });
  } catch (err) {
    await purgeRecipients(db, id);
    throw err;
  }
  if (input.replaceDraftId && replaced) {
    // The replaced draft is gone from every read already; its rows (and its file, unless this campaign
    // reads the same one) go in the background.
    const oldFile = replaced.audienceFileId;
    void purgeRecipients(db, input.replaceDraftId)
      .then(() => (oldFile && oldFile !== fileId ? deleteAudienceFile(db, accountId, oldFile) : undefined))
      .catch((err) => logger.error({ err, campaignId: input.replaceDraftId }, 'could not remove a replaced draft’s recipients'));
  }
  return campaignView(row);
}
