import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { seedDemoTenant } from '@/test/factories';
import { ValidationError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record-event';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { deliverDue } from '@/lib/webhooks/deliver';
import { dispatchEvents } from '@/lib/webhooks/dispatch-events';
import { BLOCKED_URLS } from '@/lib/net/ssrf-cases';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const create = (url: string) => createEndpoint(db, 'acme_corp', { url, events: ['template_status_update'] }, SYSTEM_ACTOR);

beforeAll(async () => {
  await seedDemoTenant();
  env.ALLOW_PRIVATE_NETWORK = false;
});
afterAll(() => {
  env.ALLOW_PRIVATE_NETWORK = true;
});

describe('webhooks refuse private destinations (ALLOW_PRIVATE_NETWORK=false)', () => {
  it.each(BLOCKED_URLS)('at registration: %s (%s)', async (_form, url) => {
    const err = await create(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({
      code: 1005,
      status: 400,
      issues: [{ path: 'url', message: 'Private, loopback and metadata addresses cannot receive webhooks' }],
    });
  });

  it('keeps its wording for other bad URLs', async () => {
    const issue = async (url: string) => ((await create(url).catch((e: unknown) => e)) as ValidationError).issues;
    expect(await issue('ftp://example.com/x')).toEqual([{ path: 'url', message: 'Only http and https URLs can receive webhooks' }]);
    expect(await issue('https://user:pw@example.com/x')).toEqual([{ path: 'url', message: 'Put credentials in your receiver, not in the URL' }]);
    expect(await issue('example.com/x')).toEqual([{ path: 'url', message: 'Enter an absolute URL such as https://example.com/webhooks' }]);
  });

  it('at delivery, for endpoints stored before the rule (or while private networks were allowed)', async () => {
    const ids = new Map<string, string>();
    for (const [form, url] of BLOCKED_URLS) {
      const row = await db.webhookEndpoint.create({ data: { accountId: 'acme_corp', url, events: ['template_status_update'], secret: 'whsec_test' } });
      ids.set(row.id, form);
    }
    await recordEvent(db, { accountId: 'acme_corp', eventType: 'template_status_update', body: { eventType: 'template_status_update' } });
    await dispatchEvents(db);
    while ((await deliverDue(db)) > 0);
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: { in: [...ids.keys()] } } });
    expect(deliveries).toHaveLength(BLOCKED_URLS.length);
    for (const d of deliveries) {
      expect({ form: ids.get(d.endpointId), attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError }).toEqual({
        form: ids.get(d.endpointId),
        attempts: 1,
        lastStatusCode: null,
        lastError: expect.stringMatching(/^Requests to .+ are not allowed/),
      });
    }
  });
});
