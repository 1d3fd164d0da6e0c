import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { call, msgUrl } from '@/test/messaging-helpers';

// The Logs API over HTTP: every bad query value is a 400 in the 8x8 error shape naming the parameter.

const SUB = 'acme_corp_chatapps';
const get = (query: string, sub = SUB, key?: string) => call(GET, 'GET', `${msgUrl(sub)}?${query}`, { subAccountId: sub }, undefined, key);

beforeAll(async () => {
  await seedDemoTenant();
});

describe('GET /subaccounts/{id}/messages: bad input', () => {
  const bad: Array<[string, string, number]> = [
    ['from=yesterday', 'from', 1005],
    ['to=2025-02-30', 'to', 1005],
    ['from=2025-11-12&to=2025-11-11', 'to', 1005],
    ['limit=501', 'limit', 1005],
    ['limit=abc', 'limit', 1005],
    ['direction=both', 'direction', 1005],
    ['status=lost', 'status', 1005],
    ['channel=fax', 'channel', 1005],
    ['country=USA', 'country', 1005],
    ['cursor=nonsense', 'cursor', 1005],
    [`cursor=${Buffer.from('99999999999999999999:x').toString('base64url')}`, 'cursor', 1005],
    ['stauts=undelivered', 'stauts', 1005],
    ['msisdn=12', 'msisdn', 1002],
  ];
  for (const [query, path, code] of bad) {
    it(`${query} → 400 ${code} naming '${path}'`, async () => {
      const r = await get(query);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code, message: expect.stringContaining(code === 1002 ? 'Invalid MSISDN' : `'${path}'`) });
      expect(r.json.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(r.json.timestamp).toISOString()).toBe(r.json.timestamp);
      expect(r.json.errors).toEqual(expect.arrayContaining([{ path, message: expect.any(String) }]));
    });
  }

  it('answers an empty page for filters that match nothing, and 404 for another account’s subaccount', async () => {
    const empty = await get('status=read&direction=inbound&from=2025-11-10T00:00:00Z');
    expect(empty).toEqual({ status: 200, json: { data: [], nextCursor: null } });
    const other = await createOtherTenant();
    expect((await get('', other.subAccountId)).status).toBe(404);
  });
});
