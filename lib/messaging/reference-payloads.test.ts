import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { POST } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { approvedTemplate, call, drainOutbox, msgUrl } from '@/test/messaging-helpers';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import sends from '@/lib/templates/fixtures/reference-send-payloads.json';

const SUB = 'acme_corp_chatapps';
const send = (body: unknown) => call(POST, 'POST', msgUrl(SUB), { subAccountId: SUB }, body);
const REFERENCE = '/work/shared/reference/000_c4a83d074f70a940.txt';

/**
 * The text of every JSON block after `marker` in the reference docs, as written (not parsed: one of
 * them is not valid JSON). Braces inside strings ("{{data.order_id}}") do not count.
 */
function referenceBlocks(doc: string, marker: string): string[] {
  const out: string[] = [];
  for (let at = doc.indexOf(marker); at >= 0; at = doc.indexOf(marker, at + 1)) {
    // The body opens at the first "{" that starts an object; the URL above it has {subAccountId}.
    const start = at + /\{\s*"/.exec(doc.slice(at))!.index;
    let depth = 0;
    let inString = false;
    let end = start;
    for (; end < doc.length; end++) {
      const c = doc[end];
      if (inString) {
        if (c === '\\') end++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    out.push(doc.slice(start, end + 1));
  }
  return out;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// The freeform payloads of the reference docs (Scenarios & Tutorials, Vertical Playbooks), as written.
const FREEFORM = [
  { user: { msisdn: '+15551234567' }, type: 'text', content: { text: 'Thank you, your appointment is confirmed. We look forward to seeing you!' } },
  {
    user: { msisdn: '+15551234567' },
    type: 'interactive',
    content: {
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Welcome to Support!' },
        body: { text: 'I can help with common questions. Please select an option:' },
        action: {
          buttons: [
            { type: 'reply', reply: { title: 'Billing Questions', id: 'faq_billing' } },
            { type: 'reply', reply: { title: 'Tech Support', id: 'faq_tech' } },
            { type: 'reply', reply: { title: 'Talk to Agent', id: 'escalate_agent' } },
          ],
        },
      },
    },
  },
  {
    user: { msisdn: '+15551234567' },
    type: 'interactive',
    content: {
      interactive: {
        type: 'cta_url',
        body: { text: 'Great! Your cart is saved. Click here to check out.' },
        action: {
          parameters: {
            display_text: 'Go to Checkout',
            url: '[https://your-store.com/checkout/cart/a1b2c3d4e5](https://your-store.com/checkout/cart/a1b2c3d4e5)',
          },
        },
      },
    },
  },
  {
    user: { msisdn: '+15554445555' },
    type: 'interactive',
    content: {
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Reschedule Delivery' },
        body: { text: 'Please select a new time slot for order #774-ABC.' },
        action: {
          button: 'Select Slot',
          sections: [
            {
              title: 'Available Times',
              rows: [
                { id: 'slot_1', title: 'Tomorrow (Nov 7)', description: '10:00 AM - 12:00 PM' },
                { id: 'slot_2', title: 'Tomorrow (Nov 7)', description: '2:00 PM - 4:00 PM' },
                { id: 'slot_3', title: 'Day After (Nov 8)', description: '10:00 AM - 12:00 PM' },
              ],
            },
          ],
        },
      },
    },
  },
  // The ChatAppsMessage step example carries an SMS fallback inside content.
  { user: { msisdn: '+6512345678' }, type: 'text', content: { text: 'Hello, World!', sms: { encoding: 'AUTO', source: 'SENDERID' } } },
];

beforeAll(async () => {
  await seedDemoTenant();
  for (const t of creation as Array<{ name: string; category: string; components: unknown; language: string }>) {
    await approvedTemplate({ name: t.name, category: t.category, components: t.components, language: t.language });
  }
});

describe('every reference send payload', () => {
  it.each((sends as Array<{ content: { template: { name: string } } }>).map((s) => [s.content.template.name, s]))(
    'template %s is accepted and rendered',
    async (_name, payload) => {
      const r = await send(payload);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      const m = await db.message.findUniqueOrThrow({ where: { id: r.json.umid } });
      expect(m.templateName).toBe(_name);
      expect(m.rendered).toMatchObject({ body: expect.any(String) });
      expect(JSON.stringify(m.rendered)).not.toMatch(/\{\{1\}\}/);
    },
  );

  it.each(FREEFORM.map((p, i) => [i, p]))('freeform payload %i is accepted and delivered inside the window', async (_i, payload) => {
    await receiveInbound(db, {
      accountId: 'acme_corp',
      subAccountId: SUB,
      channel: 'whatsapp',
      msisdn: payload.user.msisdn,
      type: 'text',
      content: { text: 'hi' },
    });
    const r = await send(payload);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    await drainOutbox();
    expect((await db.message.findUniqueOrThrow({ where: { id: r.json.umid } })).status).toBe('read');
  });

  it.runIf(fs.existsSync(REFERENCE))('every send payload in the reference docs, read from the docs, is accepted as written', async () => {
    const doc = fs.readFileSync(REFERENCE, 'utf8');
    const freeform = referenceBlocks(doc, 'Click to view `Automated Response Payload`');
    const templates = referenceBlocks(doc, 'Click to view `Template Sending Payload`');
    expect([freeform.length, templates.length]).toEqual([11, 8]);
    expect(templates.map((t) => JSON.parse(t))).toEqual(sends);
    // The FAQ bot's second message is printed with "text": and no value: not JSON, so a 1005, not a 500.
    const broken = freeform.filter((t) => !parses(t));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toContain('"Yes, thanks!"');
    const refused = await send(broken[0]);
    expect(refused).toMatchObject({ status: 400, json: { code: 1005, message: 'Invalid parameter(s): malformed JSON body' } });

    for (const text of [...freeform.filter(parses), ...templates]) {
      const payload = JSON.parse(text) as { user: { msisdn: string } };
      await receiveInbound(db, {
        accountId: 'acme_corp',
        subAccountId: SUB,
        channel: 'whatsapp',
        msisdn: payload.user.msisdn,
        type: 'text',
        content: { text: 'hi' },
      });
      const r = await send(text);
      expect(r.status, `${text}\n${JSON.stringify(r.json)}`).toBe(200);
      expect(r.json).toEqual({
        umid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        clientMessageId: null,
        status: { state: 'queued', timestamp: expect.any(String) },
      });
    }
  });

  it('3040 when a template needing parameters gets none, 3041 for a wrong count', async () => {
    const base = (sends as Array<{ content: { template: { name: string } } }>).find((s) => s.content.template.name === 'appointment_reminder_v1')!;
    const empty = structuredClone(base) as any;
    empty.content.template.components = [];
    const r1 = await send(empty);
    expect(r1.status).toBe(400);
    expect(r1.json.code).toBe(3040);
    const short = structuredClone(base) as any;
    short.content.template.components[0].parameters.pop();
    const r2 = await send(short);
    expect(r2.status).toBe(400);
    expect(r2.json.code).toBe(3041);
  });

  it('3038 names the template when only a PENDING one exists', async () => {
    await db.template.create({
      data: {
        accountId: 'acme_corp',
        subAccountId: SUB,
        channelId: 'acme_corp_whatsapp',
        name: 'pending_one',
        language: 'en_US',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Hi' }],
        status: 'PENDING',
      },
    });
    const r = await send({ user: { msisdn: '+15551234567' }, type: 'template', content: { template: { name: 'pending_one', language: 'en_US' } } });
    expect(r.json.code).toBe(3038);
    expect(r.json.message).toContain('pending_one');
  });
});
