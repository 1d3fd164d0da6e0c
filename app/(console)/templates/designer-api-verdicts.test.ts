import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/accounts/[accountId]/channels/[channelId]/templates/route';
import { validateDraft } from '@/components/template-designer/draft-model';
import { DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';

// The designer and the API judge a template with the same rules: for every draft below, the designer's
// check (what blocks its Submit and what it shows beside each field) and the REST API's answer agree on
// whether it is accepted and on each problem, field by field.

type Draft = { name: string; language: string; category: string; components: unknown[] };
const body = (text: string, examples?: string[]) => ({ type: 'BODY', text, ...(examples ? { examples } : {}) });
const base = (components: unknown[], category = 'UTILITY'): Omit<Draft, 'name'> => ({ language: 'en_US', category, components });
const buttons = (...list: unknown[]) => ({ type: 'BUTTONS', buttons: list });
const quick = (text: string) => ({ type: 'QUICK_REPLY', text });
const card = (format: string, text: string, ...list: unknown[]) => ({
  components: [{ type: 'HEADER', format, examples: ['https://example.com/a.png'] }, body(text), buttons(...list)],
});

const DRAFTS: Record<string, Omit<Draft, 'name'> & { name?: string }> = {
  ...Object.fromEntries(creation.map((c) => [`reference ${c.name}`, c])),
  'body starting with a variable': base([body('{{1}} is your order number, thanks for shopping with us.', ['123'])]),
  'body ending with a variable': base([body('Thanks for shopping with us, your order number is {{1}}', ['123'])]),
  'adjacent variables': base([body('Hello {{1}}{{2}} and welcome aboard.', ['a', 'b'])]),
  'a gap in the variables': base([body('Hello {{1}}, your code is {{3}} today.', ['a', 'b', 'c'])]),
  'a missing sample': base([body('Hello {{1}}, your order has shipped.')]),
  'an empty sample': base([body('Hello {{1}}, your order has shipped.', [' '])]),
  'a sample too many': base([body('Hello there, your order has shipped.', ['x'])]),
  'a malformed variable': base([body('Hello {{name}}, your order has shipped.')]),
  'a body too long': base([body('x'.repeat(1025))]),
  'an empty body': base([body('  ')]),
  'no body': base([{ type: 'FOOTER', text: 'Reply STOP to opt out' }]),
  'two bodies': base([body('One.'), body('Two.')]),
  'header with two variables': base([{ type: 'HEADER', format: 'TEXT', text: 'Hi {{1}} {{2}}', examples: ['a', 'b'] }, body('Hello.')]),
  'header variable without sample': base([{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' }, body('Hello.')]),
  'header on two lines': base([{ type: 'HEADER', format: 'TEXT', text: 'Order\nshipped' }, body('Hello.')]),
  'image header without sample': base([{ type: 'HEADER', format: 'IMAGE' }, body('Hello.')]),
  'image header sample not https': base([{ type: 'HEADER', format: 'IMAGE', examples: ['ftp://x/y.png'] }, body('Hello.')]),
  'location header with text': base([{ type: 'HEADER', format: 'LOCATION', text: 'Here' }, body('Hello.')]),
  'footer with a variable': base([body('Hello.'), { type: 'FOOTER', text: 'Bye {{1}}' }]),
  'footer too long': base([body('Hello.'), { type: 'FOOTER', text: 'x'.repeat(61) }]),
  'no buttons in BUTTONS': base([body('Hello.'), buttons()]),
  'eleven buttons': base([body('Hello.'), buttons(...Array.from({ length: 11 }, (_, k) => quick(`Option ${k}`)))], 'MARKETING'),
  'three website buttons': base([body('Hello.'), buttons(...[1, 2, 3].map((k) => ({ type: 'URL', text: `Site ${k}`, url: `https://e.com/${k}` })))]),
  'interleaved buttons': base([body('Hello.'), buttons(quick('Yes'), { type: 'URL', text: 'Site', url: 'https://e.com' }, quick('No'))]),
  'button without a label': base([body('Hello.'), buttons(quick(' '))]),
  'button label too long': base([body('Hello.'), buttons(quick('x'.repeat(26)))]),
  'website without https': base([body('Hello.'), buttons({ type: 'URL', text: 'Site', url: 'e.com/x' })]),
  'website variable not at the end': base([body('Hello.'), buttons({ type: 'URL', text: 'Site', url: 'https://e.com/{{1}}/x', examples: ['a'] })]),
  'website variable without sample': base([body('Hello.'), buttons({ type: 'URL', text: 'Site', url: 'https://e.com/{{1}}' })]),
  'bad phone number': base([body('Hello.'), buttons({ type: 'PHONE_NUMBER', text: 'Call', phone_number: '12' })]),
  'copy code in UTILITY': base([body('Hello.'), buttons({ type: 'COPY_CODE', examples: ['SAVE10'] })]),
  'copy code too long': base([body('Hello.'), buttons({ type: 'COPY_CODE', examples: ['x'.repeat(16)] })], 'MARKETING'),
  'one-time password in MARKETING': base([body('Hello.'), buttons({ type: 'OTP', otp_type: 'COPY_CODE' })], 'MARKETING'),
  'one-tap without package': base([body('Your code is {{1}}.', ['123456']), buttons({ type: 'OTP', otp_type: 'ONE_TAP' })], 'AUTHENTICATION'),
  'authentication with a header': base([{ type: 'HEADER', format: 'TEXT', text: 'Code' }, body('Your code is {{1}}.', ['123456'])], 'AUTHENTICATION'),
  'authentication with two variables': base([body('Hi {{1}}, your code is {{2}}.', ['a', '1'])], 'AUTHENTICATION'),
  'authentication with a quick reply': base([body('Your code is {{1}}.', ['123456']), buttons(quick('Thanks'))], 'AUTHENTICATION'),
  'carousel in UTILITY': base([body('Look at these.'), { type: 'CAROUSEL', cards: [card('IMAGE', 'A', quick('Buy')), card('IMAGE', 'B', quick('Buy'))] }]),
  'carousel of one card': base([body('Look at these.'), { type: 'CAROUSEL', cards: [card('IMAGE', 'A', quick('Buy'))] }], 'MARKETING'),
  'cards that differ': base(
    [body('Look at these.'), { type: 'CAROUSEL', cards: [card('IMAGE', 'A', quick('Buy')), card('VIDEO', 'B', quick('Buy'))] }],
    'MARKETING',
  ),
  'card with a text header': base(
    [body('Look at these.'), { type: 'CAROUSEL', cards: [card('TEXT', 'A', quick('Buy')), card('TEXT', 'B', quick('Buy'))] }],
    'MARKETING',
  ),
  'card with three buttons': base(
    [
      body('Look at these.'),
      { type: 'CAROUSEL', cards: [card('IMAGE', 'A', quick('1'), quick('2'), quick('3')), card('IMAGE', 'B', quick('1'), quick('2'), quick('3'))] },
    ],
    'MARKETING',
  ),
  'carousel with a footer': base(
    [body('Look at these.'), { type: 'CAROUSEL', cards: [card('IMAGE', 'A', quick('Buy')), card('IMAGE', 'B', quick('Buy'))] }, { type: 'FOOTER', text: 'x' }],
    'MARKETING',
  ),
  'a name with capitals': { ...base([body('Hello.')]), name: 'Promo Blast!' },
  'no name': { ...base([body('Hello.')]), name: '' },
  'a language WhatsApp does not have': { ...base([body('Hello.')]), language: 'xx_YY' },
  'a language written en-us': { ...base([body('Hello.')]), language: 'en-us' },
  'no category': { ...base([body('Hello.')]), category: '' },
};

async function apiVerdict(draft: Draft): Promise<Record<string, string>> {
  const res = await POST(
    new Request('http://test/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates', {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(draft),
    }),
    { params: Promise.resolve({ accountId: 'acme_corp', channelId: 'acme_corp_whatsapp' }) } as never,
  );
  if (res.status === 201) return {};
  const json = (await res.json()) as { code: number; errors?: { path: string; message: string }[] };
  expect(res.status, JSON.stringify(json)).toBe(400);
  const out: Record<string, string> = {};
  for (const e of json.errors ?? []) out[e.path || '_'] ??= e.message;
  return out;
}

describe('the designer and the API judge a template alike', () => {
  beforeAll(seedDemoTenant);

  let k = 0;
  for (const [what, d] of Object.entries(DRAFTS)) {
    it(what, async () => {
      const draft = { ...d, name: d.name ?? `verdict_${k++}_${what.replace(/\W+/g, '_').toLowerCase()}`.slice(0, 60) } as Draft;
      const designer = validateDraft({ channelId: 'acme_corp_whatsapp', ...draft } as Parameters<typeof validateDraft>[0]);
      const api = await apiVerdict(draft);
      expect(designer).toEqual(api);
      // The case is about what it says: a refused draft is refused for a reason, a reference payload is accepted.
      if (what.startsWith('reference') || what === 'a language written en-us') expect(api).toEqual({});
      else expect(Object.keys(api).length, what).toBeGreaterThan(0);
    });
  }
});
