import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { audienceFilePath, uploadsDir } from '@/lib/campaigns/audience/audience-file';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import { checkSendParameters } from '@/lib/templates/check-send-parameters';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import { startTestApiServer, type TestApiServer } from '@/test/api-server';
import { createOtherTenant, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { approvedTemplate } from '@/test/messaging-helpers';

// The Campaigns API through the production HTTP server (lib/http/serve-api.ts), where the multipart
// upload reaches the route as a stream.

let server: TestApiServer;
let other: Awaited<ReturnType<typeof createOtherTenant>>;
const base = () => `${server.base}/api/v1/accounts/acme_corp/campaigns`;
const auth = (key = DEMO_API_KEY) => ({ authorization: `Bearer ${key}` });

const SPEC = {
  name: 'Shipping notice',
  subAccountId: 'acme_corp_chatapps',
  template: { name: 'order_shipped_v2', language: 'en_US' },
  recipients: { msisdnColumn: 'phone', defaultCountry: 'SG' },
  parameters: { 'body.1': { column: 'name', fallback: 'there' }, 'body.2': { column: 'order' }, 'button.0': { column: 'order' } },
};

function form(csv: string | Uint8Array, spec: unknown = SPEC) {
  const f = new FormData();
  f.append('spec', JSON.stringify(spec));
  f.append('file', new Blob([csv as BlobPart], { type: 'text/csv' }), 'audience.csv');
  return f;
}

async function post(body: FormData | string, key = DEMO_API_KEY, url = base()) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...auth(key), ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}) },
    body,
  });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  await seedDemoTenant();
  other = await createOtherTenant();
  const t = creation.find((c) => c.name === 'order_shipped_v2')!;
  await approvedTemplate({ name: t.name, category: t.category, components: t.components });
  server = await startTestApiServer();
});

afterAll(async () => {
  await server?.close();
  // This test database's uploads (the folder of its files, beside it).
  fs.rmSync(path.resolve(await uploadsDir(db, 'acme_corp'), '../..'), { recursive: true, force: true });
});

describe('POST /accounts/{accountId}/campaigns', () => {
  it('makes a draft from a multipart CSV and spec: 201 with counts and estimate', async () => {
    const res = await post(form('phone,name,order\n+6591234567,Ann,A1\n91234568,,B2\nbad,Cy,C3\n+6591234567,Dup,D4\n'));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.any(String),
      status: 'draft',
      counts: { rows: 4, valid: 2, invalid: 1, duplicates: 1, optedOut: 0 },
      estimate: { messages: 2, cost: { amount: 0.0428, currency: 'USD' }, tierRemaining24h: 1000 },
      template: { name: 'order_shipped_v2', language: 'en_US' },
      parameters: SPEC.parameters,
    });
    // The CSV is kept for the draft, as the account's own file.
    expect(fs.existsSync(await audienceFilePath(db, 'acme_corp', res.json.audienceFileId))).toBe(true);
  });

  it('makes a draft from the contacts with a tag (JSON)', async () => {
    const now = new Date();
    await db.contact.create({
      data: { accountId: 'acme_corp', msisdn: '+6597770001', name: 'Vi', attributes: { order: 'V1' }, tags: ['vip'], createdAt: now, updatedAt: now },
    });
    await db.contactTag.create({ data: { accountId: 'acme_corp', tag: 'vip', msisdn: '+6597770001' } });
    const res = await post(JSON.stringify({ ...SPEC, recipients: {}, contactsTag: 'vip' }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ contactsTag: 'vip', counts: { rows: 1, valid: 1 }, columns: ['msisdn', 'name', 'order'] });
  });

  it('refuses a spec that leaves variables unmapped or names a column the file lacks (400 1005), keeping no file', async () => {
    const before = await db.campaign.count();
    const dir = await uploadsDir(db, 'acme_corp');
    const files = fs.readdirSync(dir).length;
    const unmapped = await post(form('phone,name,order\n+6591234567,Ann,A1\n', { ...SPEC, parameters: { 'body.1': { column: 'name' } } }));
    expect(unmapped).toMatchObject({
      status: 400,
      json: {
        code: 1005,
        message: 'Map every variable of the template: body.2, button.0 are not mapped',
        errors: [
          { path: 'parameters.body.2', message: 'Map body.2 to a column or a fixed value' },
          { path: 'parameters.button.0', message: 'Map button.0 to a column or a fixed value' },
        ],
      },
    });
    const column = await post(form('phone,name\n+6591234567,Ann\n'));
    expect(column).toMatchObject({ status: 400, json: { code: 1005, message: 'The audience has no column "order"' } });
    for (const bad of [
      'no boundary',
      new FormData(), // no file, no spec
    ]) {
      const res =
        typeof bad === 'string'
          ? await fetch(base(), { method: 'POST', headers: { ...auth(), 'content-type': 'multipart/form-data' }, body: 'x' }).then(async (r) => ({
              status: r.status,
              json: await r.json(),
            }))
          : await post(bad);
      expect(res.status).toBe(400);
    }
    const noSpec = new FormData();
    noSpec.append('file', new Blob(['phone\n+6591234567\n']), 'a.csv');
    expect(await post(noSpec)).toMatchObject({ status: 400, json: { message: "Send the campaign's spec as the form field 'spec' (JSON)" } });
    expect(await db.campaign.count()).toBe(before);
    expect(fs.readdirSync(dir).length).toBe(files);
  });

  it('answers 404 for another tenant’s subaccount and account', async () => {
    expect((await post(form('phone,name,order\n+6591234567,Ann,A1\n', { ...SPEC, subAccountId: other.subAccountId }))).status).toBe(404);
    expect((await post(form('phone,name,order\n+6591234567,Ann,A1\n'), other.apiKey)).status).toBe(404);
  });

  it('streams an upload larger than any buffered body may be (a 7 MB CSV of 150,000 rows) to disk', async () => {
    const lines = ['phone,name,order'];
    for (let i = 0; i < 150_000; i++) lines.push(`+6581${String(i).padStart(6, '0')},Customer number ${i},ORDER-${i}`);
    const csv = `${lines.join('\n')}\n`;
    const res = await post(form(csv));
    expect(res.status).toBe(201);
    expect(res.json.counts).toMatchObject({ rows: 150_000, valid: 150_000 });
    expect(fs.statSync(await audienceFilePath(db, 'acme_corp', res.json.audienceFileId)).size).toBe(Buffer.byteLength(csv));
  }, 120_000);
});

describe('GET campaigns, recipients, the report and previews; DELETE', () => {
  let id: string;
  beforeAll(async () => {
    id = (await post(form('phone,name,order\n+6591234567,Ann,A1\nbad,Bob,B2\n+6591234568,"Cy, Jr",C3\n'))).json.id;
  });

  it('lists and reads the campaign; another tenant gets 404', async () => {
    const list = await (await fetch(`${base()}?status=draft`, { headers: auth() })).json();
    expect(list.data.map((c: { id: string }) => c.id)).toContain(id);
    expect((await fetch(`${base()}?status=bogus`, { headers: auth() })).status).toBe(400);
    const one = await fetch(`${base()}/${id}`, { headers: auth() });
    expect(await one.json()).toMatchObject({ id, status: 'draft', counts: { rows: 3, valid: 2, invalid: 1 } });
    for (const path of ['', '/recipients', '/recipients?format=csv', '/preview']) {
      const res = await fetch(`${server.base}/api/v1/accounts/${other.accountId}/campaigns/${id}${path}`, { headers: auth(other.apiKey) });
      expect(res.status, path).toBe(404);
    }
  });

  it('lists recipients by status and streams the report as CSV', async () => {
    const invalid = await (await fetch(`${base()}/${id}/recipients?status=invalid`, { headers: auth() })).json();
    expect(invalid).toEqual({
      data: [
        { row: 3, msisdn: 'bad', status: 'invalid', errors: [{ column: 'phone', code: 1002, message: expect.stringContaining('not a valid mobile number') }] },
      ],
      nextCursor: null,
    });
    for (const [url, headers] of [
      [`${base()}/${id}/recipients?format=csv`, {}],
      [`${base()}/${id}/recipients`, { accept: 'text/csv' }],
    ] as const) {
      const res = await fetch(url, { headers: { ...auth(), ...headers } });
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      const lines = (await res.text()).trim().split('\r\n');
      expect(lines[0]).toBe('row,msisdn,status,column,code,message,umid,errorCode,errorMessage');
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['2,+6591234567,pending', '3,bad,invalid', '4,+6591234568,pending']);
    }
  });

  it('previews a row as the send payload the send checks accept, with the rows to step to', async () => {
    const res = await fetch(`${base()}/${id}/preview?row=4`, { headers: auth() });
    const preview = await res.json();
    expect(preview).toMatchObject({ row: 4, msisdn: '+6591234568', prevRow: 2, nextRow: null, message: { user: { msisdn: '+6591234568' }, type: 'template' } });
    const template = (await findApprovedTemplate(db, { subAccountId: 'acme_corp_chatapps', name: 'order_shipped_v2', language: 'en_US' }))!;
    expect(() => checkSendParameters(template, preview.message.content.template)).not.toThrow();
    expect((await fetch(`${base()}/${id}/preview?row=3`, { headers: auth() })).status).toBe(400);
    expect((await fetch(`${base()}/${id}/preview?row=abc`, { headers: auth() })).status).toBe(400);
  });

  it('deletes a draft (204), then it is gone', async () => {
    expect((await fetch(`${base()}/${id}`, { method: 'DELETE', headers: auth(other.apiKey) })).status).toBe(404);
    expect((await fetch(`${base()}/${id}`, { method: 'DELETE', headers: auth() })).status).toBe(204);
    expect((await fetch(`${base()}/${id}`, { headers: auth() })).status).toBe(404);
    expect(await db.campaignRecipient.count({ where: { campaignId: id } })).toBe(0);
  });
});
