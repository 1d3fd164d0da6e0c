import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { approvedTemplate, call as callJson, drainOutbox, msgUrl } from '@/test/messaging-helpers';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import sends from '@/lib/templates/fixtures/reference-send-payloads.json';
import * as CONTACTS from '@/app/api/v1/accounts/[accountId]/contacts/route';
import * as CONTACT from '@/app/api/v1/accounts/[accountId]/contacts/[msisdn]/route';
import * as OPT_OUTS from '@/app/api/v1/accounts/[accountId]/opt-outs/route';
import * as OPT_OUT from '@/app/api/v1/accounts/[accountId]/opt-outs/[msisdn]/route';
import { POST as INBOUND } from '@/app/api/v1/subaccounts/[subAccountId]/sandbox/inbound/route';
import { POST as SEND } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { GET as MESSAGE } from '@/app/api/v1/subaccounts/[subAccountId]/messages/[umid]/route';

// The contract of API.md "Contacts and opt-outs", through the route handlers as an integration calls them.

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** messaging-helpers' call, for answers that may have no body (204). */
async function call(handler: unknown, method: string, url: string, params: Record<string, string>, body?: unknown, apiKey = DEMO_API_KEY) {
  if (method !== 'DELETE') return callJson(handler, method, url, params, body, apiKey);
  const res = await (handler as Handler)(new Request(`http://localhost${url}`, { method, headers: { authorization: `Bearer ${apiKey}` } }), {
    params: Promise.resolve(params),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, any> };
}

const ACC = '/api/v1/accounts/acme_corp';
const contact = (method: string, msisdn: string, body?: unknown, key?: string) =>
  call((CONTACT as Record<string, unknown>)[method], method, `${ACC}/contacts/${msisdn}`, { accountId: 'acme_corp', msisdn }, body, key);
const contacts = (query = '', key?: string) => call(CONTACTS.GET, 'GET', `${ACC}/contacts${query}`, { accountId: 'acme_corp' }, undefined, key);
const optOut = (method: string, msisdn: string, body?: unknown) =>
  call((OPT_OUT as Record<string, unknown>)[method], method, `${ACC}/opt-outs/${msisdn}`, { accountId: 'acme_corp', msisdn }, body);
const optOuts = (query = '') => call(OPT_OUTS.GET, 'GET', `${ACC}/opt-outs${query}`, { accountId: 'acme_corp' });
const inbound = (msisdn: string, text: string, sub = 'acme_corp_chatapps') =>
  call(INBOUND, 'POST', `/api/v1/subaccounts/${sub}/sandbox/inbound`, { subAccountId: sub }, { user: { msisdn }, content: { text } });

async function sendTemplate(name: string, msisdn: string) {
  const payload = sends.find((s) => s.content.template.name === name)!;
  const r = await call(SEND, 'POST', msgUrl('acme_corp_chatapps'), { subAccountId: 'acme_corp_chatapps' }, { ...payload, user: { msisdn } });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json.umid as string;
}
async function statusOf(umid: string) {
  const r = await call(MESSAGE, 'GET', `${msgUrl('acme_corp_chatapps')}/${umid}`, { subAccountId: 'acme_corp_chatapps', umid });
  return r.json.status as { state: string; errorCode?: number };
}

let other: Awaited<ReturnType<typeof createOtherTenant>>;

beforeAll(async () => {
  await seedDemoTenant();
  other = await createOtherTenant();
  for (const name of ['summer_sale_carousel_v1', 'appointment_reminder_v1']) {
    const c = creation.find((t) => t.name === name)!;
    await approvedTemplate({ name, category: c.category, components: c.components });
  }
});

describe('PUT /contacts/{msisdn}', () => {
  it('creates (201) then replaces only the fields given (200), keeping the tag rows in step with the tags', async () => {
    const created = await contact('PUT', '%2B6591230001', { name: 'Ada', attributes: { city: 'Singapore', plan: 'gold' }, tags: ['vip', 'newsletter'] });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      msisdn: '+6591230001',
      name: 'Ada',
      attributes: { city: 'Singapore', plan: 'gold' },
      tags: ['vip', 'newsletter'],
      optedOut: false,
    });
    // Without the "+", a different spelling of the same number: the same contact.
    const renamed = await contact('PUT', '6591230001', { name: 'Ada Lovelace' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: 'Ada Lovelace', attributes: { city: 'Singapore', plan: 'gold' }, tags: ['vip', 'newsletter'] });
    expect(renamed.json.createdAt).toBe(created.json.createdAt);

    const retagged = await contact('PUT', '+6591230001', { tags: ['newsletter', 'churn-risk'], attributes: { city: 'Jakarta' } });
    expect(retagged.json).toMatchObject({ name: 'Ada Lovelace', attributes: { city: 'Jakarta' }, tags: ['newsletter', 'churn-risk'] });
    const tagRows = await db.contactTag.findMany({ where: { accountId: 'acme_corp', msisdn: '+6591230001' }, orderBy: { tag: 'asc' } });
    expect(tagRows.map((t) => t.tag)).toEqual(['churn-risk', 'newsletter']);

    // An empty name clears it; null is "not given" (serializers write unset fields as null).
    expect((await contact('PUT', '+6591230001', { name: null, tags: null })).json).toMatchObject({ name: 'Ada Lovelace', tags: ['newsletter', 'churn-risk'] });
    expect((await contact('PUT', '+6591230001', { name: '' })).json.name).toBeNull();
  });

  it('refuses a number that is not E.164 with 1002, and bad fields with 1005 naming them, writing nothing', async () => {
    const before = await db.contact.count();
    for (const bad of ['12', 'not-a-number', '%E0%A4%A', '0091234567']) {
      const r = await contact('PUT', bad, { name: 'x' });
      expect(r.status, bad).toBe(400);
      expect(r.json.code, bad).toBe(1002);
    }
    const r = await contact('PUT', '+6591230002', { attributes: { city: { nested: true } }, tags: 'vip' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 1005 });
    expect(r.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['attributes.city', 'tags']);
    expect((await contact('PUT', '+6591230002', [])).status).toBe(400);
    expect((await contact('PUT', '+6591230002', 'null')).status).toBe(400);
    expect(await db.contact.count()).toBe(before);
  });

  it('audits every write with the key that made it', async () => {
    await contact('PUT', '+6591230003', { name: 'Audited' });
    await contact('DELETE', '+6591230003');
    const entries = await db.auditEvent.findMany({ where: { entityType: 'contact', entityId: '+6591230003' }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((e) => e.action)).toEqual(['contact.create', 'contact.delete']);
    expect(entries.every((e) => e.actorLabel.startsWith('API key'))).toBe(true);
  });
});

describe('GET and DELETE /contacts', () => {
  it('lists newest-updated first with keyset pages, filtered by tag and by search over number and name', async () => {
    for (let i = 0; i < 5; i++) {
      await contact('PUT', `+6598760${String(i).padStart(3, '0')}`, { name: `Page ${i}`, tags: i % 2 ? ['odd'] : ['even'] });
    }
    const first = await contacts('?search=Page&limit=2');
    expect(first.status).toBe(200);
    expect(first.json.data.map((c: { name: string }) => c.name)).toEqual(['Page 4', 'Page 3']);
    const second = await contacts(`?search=Page&limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.data.map((c: { name: string }) => c.name)).toEqual(['Page 2', 'Page 1']);
    const third = await contacts(`?search=Page&limit=2&cursor=${second.json.nextCursor}`);
    expect(third.json).toEqual({ data: [expect.objectContaining({ name: 'Page 0' })], nextCursor: null });

    expect((await contacts('?tag=odd')).json.data.map((c: { name: string }) => c.name)).toEqual(['Page 3', 'Page 1']);
    expect((await contacts('?tag=odd&search=Page%203')).json.data.map((c: { name: string }) => c.name)).toEqual(['Page 3']);
    // By number: as typed, with spaces and the "+".
    expect((await contacts(`?search=${encodeURIComponent('+65 9876 0002')}`)).json.data.map((c: { msisdn: string }) => c.msisdn)).toEqual(['+6598760002']);
    // LIKE's wildcards are text here.
    expect((await contacts('?search=%25')).json.data).toEqual([]);
  });

  it('refuses unknown parameters and bad limits or cursors with 400, never 500', async () => {
    for (const q of ['?tagg=vip', '?limit=0', '?limit=501', '?cursor=garbage', '?format=xml']) {
      const r = await contacts(q);
      expect(r.status, q).toBe(400);
      expect(r.json.code, q).toBe(1005);
    }
  });

  it('reads one contact (404 for an unknown number) and deletes it (then 404)', async () => {
    await contact('PUT', '+6591230004', { name: 'Gone soon', tags: ['temp'] });
    expect((await contact('GET', '%2B6591230004')).json).toMatchObject({ msisdn: '+6591230004', name: 'Gone soon' });
    expect((await contact('DELETE', '6591230004')).status).toBe(204);
    expect((await contact('GET', '+6591230004')).status).toBe(404);
    expect((await contact('DELETE', '+6591230004')).status).toBe(404);
    expect(await db.contactTag.count({ where: { accountId: 'acme_corp', msisdn: '+6591230004' } })).toBe(0);
  });

  it("keeps tenants apart: another account's key gets 404 for this account, and never sees its contacts", async () => {
    await contact('PUT', '+6591230005', { name: 'Mine' });
    expect((await contact('GET', '+6591230005', undefined, other.apiKey)).status).toBe(404);
    expect((await contact('PUT', '+6591230005', { name: 'Theirs' }, other.apiKey)).status).toBe(404);
    expect((await contact('DELETE', '+6591230005', undefined, other.apiKey)).status).toBe(404);
    expect((await contacts('', other.apiKey)).status).toBe(404);
    // Through its own account, the other tenant has no such contact.
    const theirs = await call(
      CONTACT.GET,
      'GET',
      `/api/v1/accounts/${other.accountId}/contacts/+6591230005`,
      { accountId: other.accountId, msisdn: '+6591230005' },
      undefined,
      other.apiKey,
    );
    expect(theirs.status).toBe(404);
    expect((await contact('GET', '+6591230005')).json.name).toBe('Mine');
  });
});

describe('opt-outs', () => {
  it('STOP (any case, trimmed) in a real inbound message opts out with source keyword; START opts back in; other text does nothing', async () => {
    const number = '+6591240001';
    expect((await inbound(number, 'hello')).status).toBe(202);
    expect((await contact('GET', number)).json).toMatchObject({ msisdn: number, optedOut: false });
    expect((await optOut('GET', number)).status).toBe(404);

    expect((await inbound(number, '  sToP \n')).status).toBe(202);
    const stopped = await optOut('GET', number);
    expect(stopped.json).toMatchObject({ msisdn: number, source: 'keyword' });
    expect(Date.now() - Date.parse(stopped.json.optedOutAt)).toBeLessThan(60_000);
    expect((await contact('GET', number)).json.optedOut).toBe(true);

    // Not the whole text: nothing changes.
    await inbound(number, 'please start sending again');
    expect((await optOut('GET', number)).status).toBe(200);
    await inbound(number, 'unstop');
    expect((await optOut('GET', number)).status).toBe(404);

    for (const word of ['UNSUBSCRIBE', 'stopall', 'Cancel', 'end', 'QUIT']) {
      await inbound(number, word);
      expect((await optOut('GET', number)).json.source, word).toBe('keyword');
      await inbound(number, 'START');
      expect((await optOut('GET', number)).status, word).toBe(404);
    }
    const audit = await db.auditEvent.findMany({ where: { entityType: 'opt_out', entityId: number } });
    expect(audit).toHaveLength(12);
    expect(audit[0]).toMatchObject({ action: 'opt_out.add', actorLabel: `Customer ${number} (keyword STOP)`, actorUserId: null });
  });

  it('a marketing template to an opted-out number ends rejected 131050; a utility template still goes', async () => {
    const number = '+6591240002';
    await inbound(number, 'STOP');
    const marketing = await sendTemplate('summer_sale_carousel_v1', number);
    const utility = await sendTemplate('appointment_reminder_v1', number);
    await drainOutbox();
    expect(await statusOf(marketing)).toMatchObject({ state: 'rejected', errorCode: 131050 });
    expect((await statusOf(utility)).state).toMatch(/^(sent|delivered|read)$/);

    // Opted back in: marketing goes again.
    await inbound(number, 'START');
    const again = await sendTemplate('summer_sale_carousel_v1', number);
    await drainOutbox();
    expect((await statusOf(again)).state).toMatch(/^(sent|delivered|read)$/);
  });

  it('PUT records source api once (201, then 200 keeping the first record), DELETE lifts it (204, then 404)', async () => {
    const first = await optOut('PUT', '%2B6591240003', { optedOutAt: '2026-01-02T03:04:05Z' });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ msisdn: '+6591240003', source: 'api', optedOutAt: '2026-01-02T03:04:05.000Z', name: null });
    const again = await optOut('PUT', '6591240003');
    expect(again.status).toBe(200);
    expect(again.json.optedOutAt).toBe('2026-01-02T03:04:05.000Z');
    expect(await db.auditEvent.count({ where: { entityType: 'opt_out', entityId: '+6591240003' } })).toBe(1);

    for (const body of [{ optedOutAt: 'yesterday' }, { optedOutAt: '9999-01-01T00:00:00Z' }, [], 'null']) {
      const r = await optOut('PUT', '+6591240004', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect((await optOut('PUT', 'abc')).json.code).toBe(1002);
    expect((await optOut('DELETE', '+6591240003')).status).toBe(204);
    expect((await optOut('DELETE', '+6591240003')).status).toBe(404);
  });

  it('lists newest first with cursor pages and the contact name', async () => {
    await contact('PUT', '+6591250001', { name: 'Named' });
    for (let i = 1; i <= 3; i++) await optOut('PUT', `+659125000${i}`, { optedOutAt: `2026-02-0${i}T00:00:00Z` });
    const page = await optOuts('?search=6591250&limit=2');
    expect(page.json.data).toEqual([
      { msisdn: '+6591250003', source: 'api', optedOutAt: '2026-02-03T00:00:00.000Z', name: null },
      { msisdn: '+6591250002', source: 'api', optedOutAt: '2026-02-02T00:00:00.000Z', name: null },
    ]);
    const next = await optOuts(`?search=6591250&limit=2&cursor=${page.json.nextCursor}`);
    expect(next.json).toEqual({ data: [{ msisdn: '+6591250001', source: 'api', optedOutAt: '2026-02-01T00:00:00.000Z', name: 'Named' }], nextCursor: null });
    expect((await optOuts('?search=Named')).json.data.map((o: { msisdn: string }) => o.msisdn)).toEqual(['+6591250001']);
  });
});

describe('inbound messages make contacts', () => {
  it('one contact per number, created on the first message and left alone by the next (no write, same updatedAt)', async () => {
    await inbound('+6591260001', 'hi');
    const first = await db.contact.findUniqueOrThrow({ where: { accountId_msisdn: { accountId: 'acme_corp', msisdn: '+6591260001' } } });
    expect(first).toMatchObject({ name: null, attributes: {}, tags: [] });
    await inbound('+6591260001', 'again', 'acme_corp');
    const second = await db.contact.findUniqueOrThrow({ where: { accountId_msisdn: { accountId: 'acme_corp', msisdn: '+6591260001' } } });
    expect(second.updatedAt.getTime()).toBe(first.updatedAt.getTime());
  });
});
