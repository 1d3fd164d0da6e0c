import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { seedDemoTenant } from '@/test/factories';
import { approvedTemplate } from '@/test/messaging-helpers';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import { storeAudienceFile, uploadsDir } from '@/lib/campaigns/audience/audience-file';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { listRecipients, recipientsCsv } from '@/lib/campaigns/list-recipients';
import { previewRecipient } from '@/lib/campaigns/preview-recipient';

const ACCOUNT = 'acme_corp';

async function create(csv: string) {
  const file = await storeAudienceFile(db, SYSTEM_ACTOR, { accountId: ACCOUNT, body: new Blob([csv]).stream(), fileName: 'audience.csv' });
  const spec = {
    name: 'Reads',
    subAccountId: 'acme_corp_chatapps',
    template: { name: 'order_shipped_v2', language: 'en_US' },
    recipients: { defaultCountry: 'SG' },
    parameters: { 'body.1': { column: 'name' }, 'body.2': { column: 'order' }, 'button.0': { column: 'order' } },
  };
  return createCampaign(db, SYSTEM_ACTOR, { accountId: ACCOUNT, spec, audience: { fileId: file.fileId } });
}

async function errorOf(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  await seedDemoTenant();
  const t = creation.find((c) => c.name === 'order_shipped_v2')!;
  await approvedTemplate({ name: t.name, category: t.category, components: t.components });
});

afterAll(async () => {
  fs.rmSync(path.resolve(await uploadsDir(db, ACCOUNT), '../..'), { recursive: true, force: true });
});

describe('reads', () => {
  it('lists campaigns newest first by status, pages recipients in row order, steps through previews and streams the report', async () => {
    const older = [await create('phone,name,order\n+6591234567,Ann,A1\n'), await create('phone,name,order\n+6591234567,Ann,A1\n')];
    const c = await create('phone,name,order\n+6591234567,Ann,A1\nbad,Bob,B2\n+6591234568,"Cy, ""Jr""",C3\n+6591234567,Dup,D4\n');
    const list = await listCampaigns(db, ACCOUNT, { status: 'draft', limit: 2 });
    expect(list.data[0]!.id).toBe(c.id);
    expect(list.nextCursor).not.toBeNull();
    expect(list.data[1]!.id).toBe(older[1]!.id);
    const next = await listCampaigns(db, ACCOUNT, { status: 'draft', limit: 2, cursor: list.nextCursor });
    expect(next).toEqual({ data: [expect.objectContaining({ id: older[0]!.id })], nextCursor: null });
    expect((await listCampaigns(db, ACCOUNT, { status: 'running' })).data.every((x) => x.status === 'running')).toBe(true);
    expect(await errorOf(listCampaigns(db, ACCOUNT, { status: 'bogus' }))).toMatchObject({ status: 400 });

    const page1 = await listRecipients(db, ACCOUNT, c.id, { limit: 2 });
    expect(page1.data.map((r) => r.row)).toEqual([2, 3]);
    const page2 = await listRecipients(db, ACCOUNT, c.id, { limit: 2, cursor: page1.nextCursor });
    expect(page2).toMatchObject({ data: [{ row: 4 }, { row: 5 }], nextCursor: null });
    expect((await listRecipients(db, ACCOUNT, c.id, { status: 'invalid' })).data.map((r) => r.row)).toEqual([3]);

    const first = await previewRecipient(db, ACCOUNT, c.id);
    expect(first).toMatchObject({ row: 2, prevRow: null, nextRow: 4 });
    const second = await previewRecipient(db, ACCOUNT, c.id, '4');
    expect(second).toMatchObject({ row: 4, msisdn: '+6591234568', prevRow: 2, nextRow: null });
    expect(second.message.content.template.components[0]).toEqual({
      type: 'body',
      parameters: [
        { type: 'text', text: 'Cy, "Jr"' },
        { type: 'text', text: 'C3' },
      ],
    });
    expect(await errorOf(previewRecipient(db, ACCOUNT, c.id, 3))).toMatchObject({ status: 400, message: 'Row 3 is invalid: it gets no message' });
    expect(await errorOf(previewRecipient(db, ACCOUNT, c.id, 99))).toMatchObject({ status: 404 });

    const csv = await new Response(await recipientsCsv(db, ACCOUNT, c.id)).text();
    expect(csv.split('\r\n')).toEqual([
      'row,msisdn,status,column,code,message,umid,errorCode,errorMessage',
      '2,+6591234567,pending,,,,,,',
      "3,bad,invalid,phone,1002,'bad' is not a valid mobile number (local numbers are read as SG numbers),,,",
      '4,+6591234568,pending,,,,,,',
      '5,+6591234567,duplicate,,,,,,',
      '',
    ]);
  });
});
