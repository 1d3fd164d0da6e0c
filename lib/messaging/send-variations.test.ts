import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { POST } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { call, msgUrl } from '@/test/messaging-helpers';

// What real integrations send beside the reference payloads: serializer nulls, numbers for strings,
// other spellings of enum values, text at and past WhatsApp's limits. Each must be a 200 or the 8x8
// error naming the field, and a refused request must store nothing.

const SUB = 'acme_corp_chatapps';
const send = (body: unknown) => call(POST, 'POST', msgUrl(SUB), { subAccountId: SUB }, body);
const user = { msisdn: '+15551234567' };
const stored = (umid: string) => db.message.findUniqueOrThrow({ where: { id: umid } });
const reply = (id: string, title = id) => ({ type: 'reply', reply: { id, title } });
const buttons = (extra: Record<string, unknown> = {}, list = [reply('a')]) => ({
  user,
  type: 'interactive',
  content: { interactive: { type: 'button', body: { text: 'Pick one' }, action: { buttons: list }, ...extra } },
});
const rows = (n: number, row: Record<string, unknown> = {}) => Array.from({ length: n }, (_, k) => ({ id: `r${k}`, title: `Row ${k}`, ...row }));
const list = (action: Record<string, unknown>) => ({
  user,
  type: 'interactive',
  content: { interactive: { type: 'list', body: { text: 'Choose' }, action: { button: 'Open', ...action } } },
});
const cta = (parameters: Record<string, unknown>) => ({
  user,
  type: 'interactive',
  content: { interactive: { type: 'cta_url', body: { text: 'Go' }, action: { parameters } } },
});
const location = (loc: Record<string, unknown>) => ({ user, type: 'location', content: { location: loc } });

async function expectRefused(body: unknown, code: number, path: string) {
  const before = await db.message.count();
  const r = await send(body);
  expect(r.status, JSON.stringify(r.json)).toBe(400);
  expect(r.json).toMatchObject({ code, errorId: expect.any(String), timestamp: expect.any(String) });
  expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  if (path) expect(r.json.message).toContain(code === 1005 ? `'${path}'` : path.split('.').pop());
  expect(await db.message.count()).toBe(before);
  return r.json;
}

async function expectAccepted(body: unknown) {
  const r = await send(body);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return stored(r.json.umid);
}

beforeAll(async () => {
  await seedDemoTenant();
});

describe('serializer habits', () => {
  it('reads null optional fields as absent and stores no nulls', async () => {
    const m = await expectAccepted({
      user: { msisdn: '+15551234567', name: null },
      type: 'interactive',
      clientMessageId: null,
      content: {
        interactive: {
          type: 'list',
          header: null,
          footer: null,
          body: { text: 'Choose' },
          action: { button: 'Open', sections: [{ title: null, rows: [{ id: 'r1', title: 'One', description: null }] }] },
        },
      },
    });
    expect(m.clientMessageId).toBeNull();
    expect(JSON.stringify(m.content)).not.toContain('null');
    expect(await expectAccepted({ user, type: 'image', content: { url: 'https://example.com/a.png', caption: null, filename: null } })).toMatchObject({
      type: 'image',
    });
  });

  it('takes a phone number and a clientMessageId sent as JSON numbers', async () => {
    const first = await send({ user: { msisdn: 15551234567 }, type: 'text', content: { text: 'Hi' }, clientMessageId: 4711 });
    expect(first.status).toBe(200);
    expect(first.json.clientMessageId).toBe('4711');
    expect((await stored(first.json.umid)).msisdn).toBe('+15551234567');
    // The same key as a string is the same send.
    const again = await send({ user, type: 'text', content: { text: 'Hi' }, clientMessageId: '4711' });
    expect(again.json.umid).toBe(first.json.umid);
  });

  it('takes reply-button and list-row ids sent as numbers and stores them as strings', async () => {
    const b = await expectAccepted(buttons({}, [{ type: 'reply', reply: { id: 1, title: 'One' } } as never]));
    expect(b.content).toMatchObject({ interactive: { action: { buttons: [{ reply: { id: '1' } }] } } });
    const l = await expectAccepted(list({ sections: [{ rows: [{ id: 7, title: 'Seven' }] }] }));
    expect(l.content).toMatchObject({ interactive: { action: { sections: [{ rows: [{ id: '7' }] }] } } });
  });

  it('ignores fields it does not know, wherever they are', async () => {
    const m = await expectAccepted({
      user: { ...user, locale: 'en' },
      type: 'text',
      channel: 'whatsapp',
      content: { text: 'Hi', previewUrl: true },
      extra: { a: 1 },
    });
    expect(m.content).toMatchObject({ text: 'Hi', previewUrl: true });
  });

  it.each([
    ['an array', []],
    ['a string', 'hello'],
    ['a number', 42],
    ['null', null],
  ])('refuses %s as the body with 1005 and a sentence', async (_what, body) => {
    const json = await expectRefused(JSON.stringify(body), 1005, '');
    expect(json.message).toBe('Invalid parameter(s): The body must be a JSON object: { "user", "type", "content" }');
  });

  it('names the field whose type is wrong instead of calling it missing', async () => {
    const json = await expectRefused({ user, type: 7, content: { text: 'x' } }, 1005, 'type');
    expect(json.errors[0].message).toBe('type must be a string');
    expect((await expectRefused({ user, type: 'text', content: { text: ['x'] } }, 1005, 'content.text')).errors[0].message).toBe('text must be a string');
  });
});

describe('spellings', () => {
  it('reads type, interactive.type, button and header types in any case and stores them lower-case', async () => {
    const m = await expectAccepted({
      user,
      type: 'Interactive',
      content: {
        interactive: {
          type: 'BUTTON',
          header: { type: 'Text', text: 'Hello' },
          body: { text: 'Pick' },
          action: { buttons: [{ type: 'REPLY', reply: { id: 'y', title: 'Yes' } }] },
        },
      },
    });
    expect(m.type).toBe('interactive');
    expect(m.content).toMatchObject({ interactive: { type: 'button', header: { type: 'text' }, action: { buttons: [{ type: 'reply' }] } } });
    expect((await expectAccepted({ user, type: 'TEXT', content: { text: 'x' } })).type).toBe('text');
  });

  it.each(['+15551234567', '15551234567', '+1 555 123 4567', '+1-555-123-4567', '+1 (555) 123-4567', '+1.555.123.4567', '\u00a0+15551234567 '])(
    'accepts the MSISDN %s and stores it as E.164',
    async (msisdn) => {
      expect((await expectAccepted({ user: { msisdn }, type: 'text', content: { text: 'x' } })).msisdn).toBe('+15551234567');
    },
  );

  it.each(['0015551234567', '+1', '12345', 'abc', '', '+15551234567890123'])('answers 1002 for the MSISDN %j', async (msisdn) => {
    const json = await expectRefused({ user: { msisdn }, type: 'text', content: { text: 'x' } }, 1002, 'user.msisdn');
    expect(json.message).toMatch(/^Invalid MSISDN/);
  });
});

describe('WhatsApp limits', () => {
  it('keeps text as written: unicode, emoji, surrounding whitespace', async () => {
    const text = '  👋 Привет, 你好! \r\n\r\nSee you 🤓\n';
    expect((await expectAccepted({ user, type: 'text', content: { text } })).content).toEqual({ text });
  });

  it('counts characters, not UTF-16 units: 4096 emoji pass, 4097 characters do not', async () => {
    await expectAccepted({ user, type: 'text', content: { text: '😀'.repeat(4096) } });
    await expectRefused({ user, type: 'text', content: { text: 'a'.repeat(4097) } }, 1005, 'content.text');
    await expectRefused({ user, type: 'text', content: { text: '   ' } }, 1005, 'content.text');
  });

  it.each([
    [
      'header text',
      buttons({ header: { type: 'text', text: 'h'.repeat(60) } }),
      buttons({ header: { type: 'text', text: 'h'.repeat(61) } }),
      'content.interactive.header.text',
    ],
    ['body text', buttons({ body: { text: 'b'.repeat(1024) } }), buttons({ body: { text: 'b'.repeat(1025) } }), 'content.interactive.body.text'],
    ['footer text', buttons({ footer: { text: 'f'.repeat(60) } }), buttons({ footer: { text: 'f'.repeat(61) } }), 'content.interactive.footer.text'],
    ['reply title', buttons({}, [reply('a', 't'.repeat(20))]), buttons({}, [reply('a', 't'.repeat(21))]), 'content.interactive.action.buttons.0.reply.title'],
    [
      'reply buttons',
      buttons({}, [reply('a'), reply('b'), reply('c')]),
      buttons({}, [reply('a'), reply('b'), reply('c'), reply('d')]),
      'content.interactive.action.buttons',
    ],
    [
      'list rows',
      list({ sections: [{ rows: rows(10) }] }),
      list({ sections: [{ rows: rows(6) }, { rows: rows(5).map((r) => ({ ...r, id: `s${r.id}` })) }] }),
      'content.interactive.action.sections',
    ],
    [
      'row title',
      list({ sections: [{ rows: rows(1, { title: 'r'.repeat(24) }) }] }),
      list({ sections: [{ rows: rows(1, { title: 'r'.repeat(25) }) }] }),
      'content.interactive.action.sections.0.rows.0.title',
    ],
    [
      'row description',
      list({ sections: [{ rows: rows(1, { description: 'd'.repeat(72) }) }] }),
      list({ sections: [{ rows: rows(1, { description: 'd'.repeat(73) }) }] }),
      'content.interactive.action.sections.0.rows.0.description',
    ],
    [
      'list button',
      list({ button: 'l'.repeat(20), sections: [{ rows: rows(1) }] }),
      list({ button: 'l'.repeat(21), sections: [{ rows: rows(1) }] }),
      'content.interactive.action.button',
    ],
    [
      'cta display_text',
      cta({ display_text: 'c'.repeat(20), url: 'https://example.com' }),
      cta({ display_text: 'c'.repeat(21), url: 'https://example.com' }),
      'content.interactive.action.parameters.display_text',
    ],
  ])('%s: at the limit is sent, past it is 1005 naming the field', async (_what, ok, tooMuch, path) => {
    await expectAccepted(ok);
    await expectRefused(tooMuch, 1005, path);
  });

  it('needs an http(s) address for a CTA button, written plainly or as the reference writes it', async () => {
    await expectAccepted(cta({ display_text: 'Go', url: '[https://shop.example.com/cart/1](https://shop.example.com/cart/1)' }));
    await expectRefused(cta({ display_text: 'Go', url: 'not a url' }), 1005, 'content.interactive.action.parameters.url');
    await expectRefused(buttons({ header: { type: 'sticker' } }), 1005, 'content.interactive.header.type');
  });

  it('takes coordinates as numbers or numeric strings, on the globe only', async () => {
    await expectAccepted(location({ latitude: '1.2857', longitude: 103.8479, name: 'Clinic' }));
    await expectAccepted({ user, type: 'location', content: { latitude: -33.86, longitude: '151.21' } });
    const json = await expectRefused(location({ latitude: 91, longitude: '-181' }), 1005, 'content.location.latitude');
    expect(json.errors.map((e: { path: string }) => e.path)).toEqual(['content.location.latitude', 'content.location.longitude']);
    expect((await expectRefused(location({ latitude: 'north', longitude: 1 }), 1005, 'content.location.latitude')).errors[0].message).toContain(
      'number of degrees',
    );
  });

  it('needs an http(s) media URL', async () => {
    await expectRefused({ user, type: 'image', content: { url: 'file:///etc/passwd' } }, 1005, 'content.url');
    await expectRefused({ user, type: 'document', content: { caption: 'no url' } }, 1005, 'content.url');
  });
});
