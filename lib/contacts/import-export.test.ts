import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { startTestApiServer, type TestApiServer } from '@/test/api-server';
import { importContactsCsv } from '@/lib/contacts/import-contacts-csv';
import { upsertContactsInTransaction } from '@/lib/contacts/contact-rows';
import { addOptOut } from '@/lib/contacts/add-opt-out';
import { getContact } from '@/lib/contacts/get-contact';
import { csvField } from '@/lib/http/csv';

// The Contacts page's CSV import (per-row report) and the streamed CSV exports of the API.

let server: TestApiServer;
beforeAll(async () => {
  await seedDemoTenant();
  server = await startTestApiServer();
});
afterAll(() => server?.close());

const bytes = (text: string) => new TextEncoder().encode(text);
const importCsv = (text: string | Uint8Array, opts: { defaultCountry?: string; tag?: string } = {}) =>
  importContactsCsv(db, 'acme_corp', { bytes: typeof text === 'string' ? bytes(text) : text, fileName: 'people.csv', ...opts }, SYSTEM_ACTOR);

/** A GET through the production HTTP server, with the body as the chunks it arrived in. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; chunks: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.base}${path}`, { headers: { authorization: `Bearer ${DEMO_API_KEY}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

describe('importContactsCsv', () => {
  it('imports good rows, reports each bad one by row (header = 1), column and reason, and adds the tag', async () => {
    await importCsv('phone,name\n+6591300001,Existing\n');
    const report = await importCsv(
      [
        'Phone;Name;City;Tags',
        '+65 9130 0001;Existing renamed;Singapore;vip',
        '91300002;Local number;Jakarta;',
        'not a number;Bad;;',
        '',
        ';No phone;;',
        '+6591300001;Duplicate;;',
        `+6591300003;${'x'.repeat(201)};;`,
        '+6591300004;Tagged;;"a, b"',
      ].join('\r\n'),
      { defaultCountry: 'sg', tag: 'spring-import' },
    );
    expect(report).toMatchObject({ rows: 8, imported: 3, created: 2, updated: 1, moreProblems: 0 });
    expect(report.columns).toEqual({ phone: 'Phone', name: 'Name', tags: 'Tags', attributes: ['City'] });
    expect(report.problems).toEqual([
      { row: 4, column: 'Phone', message: expect.stringContaining('"not a number" is not a phone number') },
      { row: 6, column: 'Phone', message: 'No phone number' },
      { row: 7, column: 'Phone', message: 'Same number as row 2: left out' },
      { row: 8, column: 'Name', message: 'The name is longer than 200 characters' },
    ]);
    expect(await getContact(db, 'acme_corp', '+6591300001')).toMatchObject({
      name: 'Existing renamed',
      attributes: { City: 'Singapore' },
      tags: ['vip', 'spring-import'],
    });
    // A local number read with the default country.
    expect(await getContact(db, 'acme_corp', '+6591300002')).toMatchObject({ name: 'Local number', tags: ['spring-import'] });
    expect(await getContact(db, 'acme_corp', '+6591300004')).toMatchObject({ tags: ['a', 'b', 'spring-import'] });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'contact.import', entityId: report.id! } });
    expect(audit.summary).toBe('Imported 3 contacts from people.csv (2 new, 1 updated, 4 rows left out) with the tag spring-import');
  });

  it('reads Windows-1252 and UTF-16 files, and refuses a file without a phone column whole', async () => {
    const latin = Buffer.from('mobile,name\n+6591300010,José Müller\n', 'latin1');
    expect((await importCsv(new Uint8Array(latin))).imported).toBe(1);
    expect((await getContact(db, 'acme_corp', '+6591300010')).name).toBe('José Müller');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('msisdn\tname\n+6591300011\t王小明\n', 'utf16le')]);
    expect((await importCsv(new Uint8Array(utf16))).imported).toBe(1);
    expect((await getContact(db, 'acme_corp', '+6591300011')).name).toBe('王小明');

    const before = await db.contact.count();
    await expect(importCsv('name,city\nAda,Singapore\n')).rejects.toMatchObject({
      issues: [{ path: 'file', message: expect.stringContaining('No phone column') }],
    });
    await expect(importCsv('')).rejects.toMatchObject({ issues: [{ path: 'file' }] });
    await expect(importCsv('phone\n+6591300012\n', { defaultCountry: 'Singapore' })).rejects.toMatchObject({ issues: [{ path: 'defaultCountry' }] });
    expect(await db.contact.count()).toBe(before);
  });

  it('an import with no good row writes nothing, not even an audit entry', async () => {
    const audits = await db.auditEvent.count();
    const report = await importCsv('phone\nnope\n');
    expect(report).toMatchObject({ id: null, imported: 0, problems: [{ row: 2, column: 'phone' }] });
    expect(await db.auditEvent.count()).toBe(audits);
  });
});

describe('CSV exports', () => {
  it('streams every contact matching the filters, page by page, with a header row; the import reads it back', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      msisdn: `+65920${String(i).padStart(5, '0')}`,
      name: i === 7 ? 'Comma, "quoted"\nand a line' : `Bulk ${i}`,
      attributes: (i % 2 ? { plan: 'gold' } : { name: 'an attribute called name' }) as Record<string, string>,
      tags: ['bulk'],
    }));
    await write(db, (t) => upsertContactsInTransaction(t, 'acme_corp', rows, new Date()));
    await addOptOut(db, 'acme_corp', '+6592000003', { source: 'manual', actor: SYSTEM_ACTOR });

    const res = await get('/api/v1/accounts/acme_corp/contacts?tag=bulk&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="contacts.csv"');
    // Streamed: chunked, no length known up front, and more than one piece.
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.chunks.length).toBeGreaterThan(2);
    const text = Buffer.concat(res.chunks).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^msisdn,name,tags,(.*,)?attribute:name,(.*,)?plan,optedOut,createdAt,updatedAt$/);
    expect(lines.filter((l) => l.startsWith('+65920'))).toHaveLength(2500);
    expect(text).toContain('+6592000007,"Comma, ""quoted""\nand a line",bulk,');
    expect(lines.find((l) => l.startsWith('+6592000003,'))).toContain(',true,');

    // Accept: text/csv asks for the same; the export goes back in through the import unchanged.
    const viaAccept = await get('/api/v1/accounts/acme_corp/contacts?tag=bulk', { accept: 'text/csv' });
    expect(Buffer.concat(viaAccept.chunks).toString('utf8').split('\r\n')[0]).toBe(lines[0]);
    const back = await importCsv(text);
    expect(back).toMatchObject({ imported: 2500, created: 0, problems: [] });
    expect(await getContact(db, 'acme_corp', '+6592000002')).toMatchObject({ attributes: { name: 'an attribute called name' }, tags: ['bulk'] });
  });

  it('streams the opt-out list, and refuses a bad filter with a JSON 400 before any CSV', async () => {
    await addOptOut(db, 'acme_corp', '+6592100001', { source: 'api', body: { optedOutAt: '2026-03-01T00:00:00Z' }, actor: SYSTEM_ACTOR });
    const res = await get('/api/v1/accounts/acme_corp/opt-outs?format=CSV');
    const lines = Buffer.concat(res.chunks).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('msisdn,name,source,optedOutAt');
    expect(lines).toContain('+6592100001,,api,2026-03-01T00:00:00.000Z');
    const bad = await get('/api/v1/accounts/acme_corp/opt-outs?format=csv&cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/json');
  });

  it('keeps spreadsheet formulas out of cells, but leaves numbers as they are', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvField('+6591234567')).toBe('+6591234567');
    expect(csvField('-12.5')).toBe('-12.5');
  });
});
