// Helpers for the campaign import tests (imported only by *.test.ts files).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { seedDemoTenant } from '@/test/factories';
import { approvedTemplate } from '@/test/messaging-helpers';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import slotKindTemplates from '@/lib/campaigns/audience/fixtures/slot-kind-templates.json';
import { storeAudienceFile, uploadsDir } from '@/lib/campaigns/audience/audience-file';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { listRecipients, type RecipientView } from '@/lib/campaigns/list-recipients';

export const ACCOUNT = 'acme_corp';
export const SUB = 'acme_corp_chatapps';

export async function upload(content: string | Uint8Array, accountId = ACCOUNT) {
  return storeAudienceFile(db, SYSTEM_ACTOR, { accountId, body: new Blob([content as BlobPart]).stream(), fileName: 'audience.csv' });
}

export const ORDER_PARAMS = { 'body.1': { column: 'name', fallback: 'there' }, 'body.2': { column: 'order' }, 'button.0': { column: 'order' } };

export function spec(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Summer sale',
    subAccountId: SUB,
    template: { name: 'order_shipped_v2', language: 'en_US' },
    recipients: { defaultCountry: 'SG' },
    parameters: ORDER_PARAMS,
    ...overrides,
  };
}

export async function create(csv: string | Uint8Array, overrides: Record<string, unknown> = {}) {
  const file = await upload(csv);
  return createCampaign(db, SYSTEM_ACTOR, { accountId: ACCOUNT, spec: spec(overrides), audience: { fileId: file.fileId } });
}

export async function allRecipients(id: string): Promise<RecipientView[]> {
  return (await listRecipients(db, ACCOUNT, id, { limit: 1000 })).data;
}

export async function errorOf(p: Promise<unknown>): Promise<{ status: number; code: number; message: string; issues?: { path: string; message: string }[] }> {
  try {
    await p;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected a refusal');
}

/** The demo tenant with every reference template approved, and this test database's uploads removed after. */
export function withCampaignImportDb(): void {
  afterAll(async () => {
    // This test database's uploads (the folder of its files, beside it).
    fs.rmSync(path.resolve(await uploadsDir(db, ACCOUNT), '../..'), { recursive: true, force: true });
  });

  beforeAll(async () => {
    await seedDemoTenant();
    for (const t of [...creation, ...slotKindTemplates]) await approvedTemplate({ name: t.name, category: t.category, components: t.components });
  });
}
