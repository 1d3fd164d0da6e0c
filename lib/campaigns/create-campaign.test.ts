import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { createOtherTenant } from '@/test/factories';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import slotKindTemplates from '@/lib/campaigns/audience/fixtures/slot-kind-templates.json';
import { checkSendParameters } from '@/lib/templates/check-send-parameters';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import { templateSlots } from '@/lib/templates/template-slots';
import type { TemplateComponent } from '@/lib/templates/template-schema';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { deleteCampaign } from '@/lib/campaigns/delete-campaign';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { listRecipients, recipientsCsv } from '@/lib/campaigns/list-recipients';
import { previewRecipient } from '@/lib/campaigns/preview-recipient';
import { ACCOUNT, ORDER_PARAMS, SUB, allRecipients, create, errorOf, spec, upload, withCampaignImportDb } from '@/test/campaign-import-helpers';

type Template = { components: TemplateComponent[] };

withCampaignImportDb();

describe('createCampaign from a CSV', () => {
  it('reads numbers with a default country (local, with +, with 00, with spaces), finds duplicates, invalid numbers and empty cells, and counts every row once', async () => {
    const csv = [
      'phone,name,order',
      '91234567,Ann,A1', // local SG
      '+65 9123 4568,Bob,B2', // with + and spaces
      '0065 9123-4569,,C3', // with 00; empty name takes the fallback
      '+6591234567,Ann again,D4', // duplicate of row 2
      'not a number,Eve,E5', // 1002
      '12,Fay,F6', // 1002
      '', // an empty line is no row
      '+447400123456,Gus,', // empty order without fallback: 3041
      ',,', // a blank spreadsheet row is no row
      '+14155550123,Hal,H8,extra', // a cell too many: 1005
    ].join('\n');
    const c = await create(csv);
    expect(c).toMatchObject({
      status: 'draft',
      counts: { rows: 8, valid: 3, invalid: 4, duplicates: 1, optedOut: 0, pending: 3, queued: 0, sent: 0 },
      columns: ['phone', 'name', 'order'],
      slotKeys: ['body.1', 'body.2', 'button.0'],
      recipients: { defaultCountry: 'SG', msisdnColumn: 'phone' },
      category: 'utility',
      ratePerSecond: 80,
    });
    const { rows, valid, invalid, duplicates, optedOut } = c.counts;
    expect(valid + invalid + duplicates + optedOut).toBe(rows);
    expect(await allRecipients(c.id)).toEqual([
      { row: 2, msisdn: '+6591234567', status: 'pending' },
      { row: 3, msisdn: '+6591234568', status: 'pending' },
      { row: 4, msisdn: '+6591234569', status: 'pending' },
      { row: 5, msisdn: '+6591234567', status: 'duplicate' },
      {
        row: 6,
        msisdn: 'not a number',
        status: 'invalid',
        errors: [{ column: 'phone', code: 1002, message: "'not a number' is not a valid mobile number (local numbers are read as SG numbers)" }],
      },
      { row: 7, msisdn: '12', status: 'invalid', errors: [{ column: 'phone', code: 1002, message: expect.stringContaining('not a valid mobile number') }] },
      {
        row: 9,
        msisdn: '+447400123456',
        status: 'invalid',
        errors: [
          { column: 'order', code: 3041, message: '"order" is empty and body.2 has no fallback' },
          { column: 'order', code: 3041, message: '"order" is empty and button.0 has no fallback' },
        ],
      },
      { row: 11, msisdn: '+14155550123', status: 'invalid', errors: [{ column: '', code: 1005, message: 'The row has 4 cells; the header has 3' }] },
    ]);
    const stored = await db.campaignRecipient.findMany({ where: { campaignId: c.id, status: 'pending' }, orderBy: { row: 'asc' } });
    expect(stored.map((r) => [r.values, r.country])).toEqual([
      [['Ann', 'A1', 'A1'], 'SG'],
      [['Bob', 'B2', 'B2'], 'SG'],
      [['there', 'C3', 'C3'], 'SG'],
    ]);
    // The estimate: three utility messages to +65 at the default rate card, and the tier's room.
    expect(c.estimate).toEqual({ messages: 3, cost: { amount: 0.0642, currency: 'USD' }, tierRemaining24h: 1000 });
  });

  it('maps every kind of slot (header text, media, location, body, URL suffix, copy code, carousel cards) into a payload the send checks accept', async () => {
    const templates = [...creation, ...slotKindTemplates].filter((t) => templateSlots(t as Template).length);
    const samples: Record<string, string> = {
      text: 'Ann',
      image: 'https://example.com/a.png',
      video: 'https://example.com/a.mp4',
      document: 'https://example.com/a.pdf',
      location: '1.2857,103.8479,Clinic,123 Health St',
      url: 'track-42',
      coupon: 'SAVE10',
    };
    for (const t of templates) {
      const slots = templateSlots(t as Template);
      const columns = ['phone', ...slots.map((s) => s.key.replace(/\./g, '_'))];
      const row = ['+6591234567', ...slots.map((s) => samples[s.kind]!)];
      const csv = `${columns.join(',')}\n${row.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',')}\n`;
      const parameters = Object.fromEntries(slots.map((s) => [s.key, { column: s.key.replace(/\./g, '_') }]));
      const c = await create(csv, { template: { name: t.name, language: 'en_US' }, parameters });
      expect(c.counts, t.name).toMatchObject({ rows: 1, valid: 1 });
      const preview = await previewRecipient(db, ACCOUNT, c.id);
      const stored = (await findApprovedTemplate(db, { subAccountId: SUB, name: t.name, language: 'en_US' }))!;
      expect(() => checkSendParameters(stored, preview.message.content.template), t.name).not.toThrow();
      expect(preview).toMatchObject({
        row: 2,
        msisdn: '+6591234567',
        prevRow: null,
        nextRow: null,
        message: { user: { msisdn: '+6591234567' }, type: 'template' },
      });
    }
    const carousel = await create('phone,img,code\n+6591234567,https://example.com/a.png,A\n', {
      template: { name: 'summer_sale_carousel_v1', language: 'en_US' },
      parameters: {
        'body.1': { value: 'friend' },
        'card.0.header': { column: 'img' },
        'card.0.button.0': { column: 'code' },
        'card.1.header': { value: 'https://example.com/b.png' },
        'card.1.button.0': { value: 'B' },
      },
    });
    const { message } = await previewRecipient(db, ACCOUNT, carousel.id);
    expect(message.content.template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: 'friend' }] },
      {
        type: 'carousel',
        cards: [
          {
            cardIndex: 0,
            components: [
              { type: 'header', parameters: [{ type: 'image', url: 'https://example.com/a.png' }] },
              { type: 'button', index: '0', subType: 'url', parameters: [{ type: 'text', text: 'A' }] },
            ],
          },
          {
            cardIndex: 1,
            components: [
              { type: 'header', parameters: [{ type: 'image', url: 'https://example.com/b.png' }] },
              { type: 'button', index: '0', subType: 'url', parameters: [{ type: 'text', text: 'B' }] },
            ],
          },
        ],
      },
    ]);
  });

  it('refuses values a slot cannot take (a media link that is not one, a code too long, a body over its limit) with 3041 naming the column', async () => {
    const c = await create(`phone,code,until\n+6591234567,SPRING,May\n+6591234568,MUCH-TOO-LONG-CODE,May\n+6591234569,OK,${'x'.repeat(1100)}\n`, {
      template: { name: 'spring_code_v1', language: 'en_US' },
      parameters: {
        header: { value: 'Ann' },
        'body.1': { column: 'code' },
        'body.2': { column: 'until' },
        'button.0': { column: 'code' },
        'button.1': { value: 'spring' },
      },
    });
    expect(c.counts).toMatchObject({ rows: 3, valid: 1, invalid: 2 });
    const rows = await allRecipients(c.id);
    expect(rows[1]!.errors).toEqual([{ column: 'code', code: 3041, message: 'button.0 can be at most 15 characters' }]);
    expect(rows[2]!.errors).toEqual([
      { column: 'until', code: 3041, message: 'With these values the body is 1138 characters long; WhatsApp allows at most 1024' },
    ]);
    const media = await create('phone,video\n+6591234567,ftp://example.com/a.mp4\n', {
      template: { name: 'student_welcome_v1', language: 'en_US' },
      parameters: { header: { column: 'video' }, 'body.1': { value: 'Sam' }, 'body.2': { value: 'S1' }, 'button.0': { value: 'S1' } },
    });
    expect((await allRecipients(media.id))[0]!.errors).toEqual([
      { column: 'video', code: 3041, message: 'header must be a link to the video, starting with https://' },
    ]);
  });

  it('reads UTF-8 with a BOM, UTF-16 LE, and Windows-1252 (é), with ; tab and | delimiters and quoted line breaks', async () => {
    const rows = (d: string) =>
      `phone${d}name${d}order\n+6591234567${d}"Zoë${d} the ""first"""${d}A1\n+6591234568${d}"line one\nline two"${d}B2\n+6591234569${d}Jérôme${d}C3\n`;
    const cases: [string, Uint8Array][] = [
      ['utf-8 bom ;', new Uint8Array(Buffer.from(`\uFEFF${rows(';')}`))],
      ['utf-16le tab', new Uint8Array(Buffer.from(`\uFEFF${rows('\t')}`, 'utf16le'))],
      ['windows-1252 |', new Uint8Array(Buffer.from(rows('|').replace('Zoë', 'Zoe'), 'latin1'))],
    ];
    for (const [label, bytes] of cases) {
      const c = await create(bytes);
      expect(c.counts, label).toMatchObject({ rows: 3, valid: 3 });
      const values = (await db.campaignRecipient.findMany({ where: { campaignId: c.id }, orderBy: { row: 'asc' } })).map((r) => [
        r.row,
        (r.values as string[])[0],
      ]);
      expect(values, label).toEqual([
        [2, label.startsWith('windows') ? 'Zoe| the "first"' : `Zoë${label.includes('tab') ? '\t' : ';'} the "first"`],
        [3, 'line one\nline two'],
        [5, 'Jérôme'],
      ]);
    }
  });

  it('skips opted-out numbers for a marketing template, and sends utility templates to them (as the send pipeline does)', async () => {
    await db.optOut.create({ data: { accountId: ACCOUNT, msisdn: '+6598765432', source: 'keyword', optedOutAt: new Date() } });
    const csv = 'phone,name\n+6598765432,Out\n+6598765433,In\n';
    const marketing = await create(csv, {
      template: { name: 'new_arrivals_v1', language: 'en_US' },
      parameters: { header: { value: 'https://example.com/a.png' }, 'body.1': { column: 'name' } },
    });
    expect(marketing.counts).toMatchObject({ rows: 2, valid: 1, optedOut: 1 });
    expect((await allRecipients(marketing.id)).map((r) => r.status)).toEqual(['opted_out', 'pending']);
    const utility = await create(csv, { parameters: { 'body.1': { column: 'name' }, 'body.2': { value: 'A1' }, 'button.0': { value: 'A1' } } });
    expect(utility.counts).toMatchObject({ rows: 2, valid: 2, optedOut: 0 });
  });

  it('detects the phone column, and the numbers with no default country by their country code', async () => {
    const c = await create('Name;Mobile Number;Order\nAnn;6591234567;A\nBob;+44 7400 123456;B\n', {
      recipients: {},
      parameters: { 'body.1': { column: 'Name' }, 'body.2': { column: 'Order' }, 'button.0': { column: 'Order' } },
    });
    expect(c.recipients).toEqual({ msisdnColumn: 'Mobile Number' });
    expect((await allRecipients(c.id)).map((r) => r.msisdn)).toEqual(['+6591234567', '+447400123456']);
  });

  it('stores no campaign and no recipient for a refused spec, naming what is wrong', async () => {
    const before = await db.campaign.count();
    const recipients = await db.campaignRecipient.count();
    const missing = await errorOf(create('phone,name\n+6591234567,Ann\n', { parameters: { 'body.1': { column: 'name' } } }));
    expect(missing).toMatchObject({ status: 400, code: 1005, message: 'Map every variable of the template: body.2, button.0 are not mapped' });
    expect(missing.issues!.map((i) => i.path)).toEqual(['parameters.body.2', 'parameters.button.0']);
    const column = await errorOf(create('phone,name\n+6591234567,Ann\n', { parameters: { ...ORDER_PARAMS, 'body.2': { column: 'order' } } }));
    expect(column).toMatchObject({ status: 400, code: 1005, message: 'The audience has no column "order"' });
    expect(column.issues).toContainEqual({ path: 'parameters.body.2.column', message: 'The audience has no column "order" (its columns: "phone", "name")' });
    expect(await errorOf(create('phone,name,order\n+6591234567,Ann,A\n', { parameters: { ...ORDER_PARAMS, 'body.9': { value: 'x' } } }))).toMatchObject({
      status: 400,
      issues: [{ path: 'parameters.body.9', message: 'The template has no body.9' }],
    });
    expect(await errorOf(create('phone,name,order\n+6591234567,Ann,A\n', { template: { name: 'no_such_template', language: 'en_US' } }))).toMatchObject({
      status: 400,
      code: 3038,
    });
    expect(await errorOf(create('name,order\nAnn,A\n', { recipients: {} }))).toMatchObject({ status: 400, issues: [{ path: 'recipients.msisdnColumn' }] });
    expect(await errorOf(create('phone,name,order\n', {}))).toMatchObject({ status: 400, message: 'The audience is empty: The file has a header but no rows' });
    expect(await errorOf(create('phone,name,order\n+6591234567,Ann,A\n', { name: '' }))).toMatchObject({ status: 400, issues: [{ path: 'name' }] });
    expect(await errorOf(create('phone,name,order\n+6591234567,Ann,A\n', { recipients: { defaultCountry: 'ZZ' } }))).toMatchObject({
      status: 400,
      issues: [{ path: 'recipients.defaultCountry' }],
    });
    // The demo channel sends 80 a second: a campaign cannot promise more.
    expect(await errorOf(create('phone,name,order\n+6591234567,Ann,A\n', { ratePerSecond: 200 }))).toMatchObject({
      status: 400,
      issues: [{ path: 'ratePerSecond', message: expect.stringContaining('at most 80 messages a second') }],
    });
    expect(await db.campaign.count()).toBe(before);
    expect(await db.campaignRecipient.count()).toBe(recipients);
  });

  it('answers 404 for another account’s subaccount, file or campaign', async () => {
    const other = await createOtherTenant();
    const theirFile = await upload('phone,name,order\n+6591234567,Ann,A1\n', other.accountId);
    expect(await errorOf(createCampaign(db, SYSTEM_ACTOR, { accountId: ACCOUNT, spec: spec(), audience: { fileId: theirFile.fileId } }))).toMatchObject({
      status: 404,
    });
    const mine = await upload('phone,name,order\n+6591234567,Ann,A1\n');
    expect(
      await errorOf(
        createCampaign(db, SYSTEM_ACTOR, { accountId: ACCOUNT, spec: spec({ subAccountId: other.subAccountId }), audience: { fileId: mine.fileId } }),
      ),
    ).toMatchObject({
      status: 404,
    });
    const c = await createCampaign(db, SYSTEM_ACTOR, { accountId: ACCOUNT, spec: spec(), audience: { fileId: mine.fileId } });
    for (const read of [
      () => getCampaign(db, other.accountId, c.id),
      () => listRecipients(db, other.accountId, c.id),
      () => recipientsCsv(db, other.accountId, c.id),
      () => previewRecipient(db, other.accountId, c.id),
      () => deleteCampaign(db, SYSTEM_ACTOR, other.accountId, c.id),
    ])
      expect(await errorOf(read())).toMatchObject({ status: 404 });
    expect((await listCampaigns(db, other.accountId)).data).toEqual([]);
  });
});
