import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templatePayloadSchema } from '@/lib/templates/template-schema';
import { extractReferencePayloads } from '@/lib/templates/fixtures/extract-reference-payloads';
import creationPayloads from '@/lib/templates/fixtures/reference-creation-payloads.json';
import { issuesFromZod } from '@/lib/errors';

const REFERENCE = '/work/shared/reference/000_c4a83d074f70a940.txt';

function issues(payload: unknown) {
  const r = templatePayloadSchema.safeParse(payload);
  return r.success ? [] : issuesFromZod(r.error);
}
const base = { name: 'x_v1', language: 'en_US', category: 'UTILITY' };

describe('template creation payload schema', () => {
  it('holds all eight creation payloads of the reference docs', () => {
    expect(creationPayloads.map((p) => p.name)).toEqual([
      'appointment_reminder_v1',
      'order_shipped_v2',
      'summer_sale_carousel_v1',
      'retail_abandoned_cart_v1',
      'finance_otp_v3',
      'delivery_failed_v1',
      'clinic_reminder_v1',
      'student_welcome_v1',
    ]);
  });

  it.runIf(fs.existsSync(REFERENCE))('fixtures are the reference docs verbatim', () => {
    const doc = fs.readFileSync(REFERENCE, 'utf8');
    expect(extractReferencePayloads(doc, 'Template Creation Payload')).toEqual(creationPayloads);
  });

  it.each(creationPayloads.map((p) => [p.name, p]))('accepts the reference payload %s as written', (_n, payload) => {
    expect(issues(payload)).toEqual([]);
  });

  it('normalises type case: quick_reply becomes QUICK_REPLY', () => {
    const retail = creationPayloads.find((p) => p.name === 'retail_abandoned_cart_v1')!;
    const parsed = templatePayloadSchema.parse(retail);
    const card = parsed.components[1];
    expect(card.type === 'CAROUSEL' && card.cards[0].components[2]).toMatchObject({ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY' }] });
  });

  it('rejects a bad name and language with readable sentences', () => {
    const r = issues({ ...base, name: 'Order Shipped!', language: 'xx_YY', components: [{ type: 'BODY', text: 'Hello' }] });
    expect(r).toEqual([
      { path: 'name', message: expect.stringContaining('lower-case letters, digits and underscores') },
      { path: 'language', message: expect.stringContaining('not a language WhatsApp supports') },
    ]);
  });

  it('requires a BODY and one of each component', () => {
    expect(
      issues({
        ...base,
        components: [
          { type: 'FOOTER', text: 'a' },
          { type: 'FOOTER', text: 'b' },
        ],
      }),
    ).toEqual(
      expect.arrayContaining([
        { path: 'components.1.type', message: 'A template can have only one FOOTER component' },
        { path: 'components', message: 'Every template needs a BODY with the message text' },
      ]),
    );
  });

  it('checks variable numbering, placement and examples', () => {
    const r = issues({ ...base, components: [{ type: 'BODY', text: '{{1}} and {{3}}', examples: ['a'] }] });
    const msgs = r.map((i) => i.message);
    expect(msgs).toContain('Number the variables in order from {{1}}: {{2}} is missing');
    expect(msgs).toContain('The message body cannot start with a variable: add some words before it');
    expect(msgs).toContain('The message body cannot end with a variable: add some words or punctuation after it');
    expect(r).toContainEqual({ path: 'components.0.examples', message: 'Give a sample value for every variable: 3 needed, 1 given' });
    expect(issues({ ...base, components: [{ type: 'BODY', text: 'Hi {{name}}!' }] })[0].message).toContain('"{{name}}" is not a valid variable');
  });

  it('enforces text lengths', () => {
    const r = issues({
      ...base,
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'h'.repeat(61) },
        { type: 'BODY', text: 'b'.repeat(1025) },
        { type: 'FOOTER', text: 'f'.repeat(61) },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'q'.repeat(26) }] },
      ],
    });
    expect(r.map((i) => i.path)).toEqual(['components.0.text', 'components.1.text', 'components.2.text', 'components.3.buttons.0.text']);
    expect(r[1].message).toBe('The message body can be at most 1024 characters (it has 1025)');
  });

  it('checks header variables and media examples', () => {
    expect(
      issues({
        ...base,
        components: [
          { type: 'HEADER', format: 'TEXT', text: '{{1}} {{2}}' },
          { type: 'BODY', text: 'x' },
        ],
      })[0].message,
    ).toBe('A text header can contain at most one variable, {{1}}');
    expect(
      issues({
        ...base,
        components: [
          { type: 'HEADER', format: 'IMAGE' },
          { type: 'BODY', text: 'x' },
        ],
      }),
    ).toEqual([{ path: 'components.0.examples', message: 'Give a sample image URL so WhatsApp can review the header' }]);
  });

  it('checks button counts, grouping and URL variables', () => {
    const qr = (t: string) => ({ type: 'QUICK_REPLY', text: t });
    const url = { type: 'URL', text: 'Go', url: 'https://a.com/{{1}}/x', examples: ['1'] };
    const r = issues({
      ...base,
      components: [
        { type: 'BODY', text: 'x' },
        { type: 'BUTTONS', buttons: [qr('a'), url, qr('b'), { type: 'PHONE_NUMBER', text: 'Call', phone_number: '12' }] },
      ],
    });
    expect(r).toEqual([
      { path: 'components.1.buttons', message: 'Keep the quick-reply buttons together, before or after the other buttons' },
      { path: 'components.1.buttons.1.url', message: expect.stringContaining('{{1}} at the very end') },
      { path: 'components.1.buttons.3.phone_number', message: expect.stringContaining('country code') },
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => qr(`b${i}`));
    expect(
      issues({
        ...base,
        components: [
          { type: 'BODY', text: 'x' },
          { type: 'BUTTONS', buttons: eleven },
        ],
      })[0].message,
    ).toBe('A template can have at most 10 buttons');
  });

  it('applies category limits', () => {
    const auth = issues({
      ...base,
      category: 'AUTHENTICATION',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Hi' },
        { type: 'BODY', text: 'No code here' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'ok' }] },
      ],
    });
    expect(auth.map((i) => i.message)).toEqual([
      'Authentication templates cannot have a header',
      'An authentication template body holds exactly one variable, {{1}}, for the code',
      'An authentication template can only have a copy-code (or one-tap) button for the code',
    ]);
    const util = issues({
      ...base,
      components: [
        { type: 'BODY', text: 'x' },
        { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', examples: ['SAVE10'] }] },
      ],
    });
    expect(util[0].message).toContain('not UTILITY templates');
  });

  it('checks carousel cards for count and consistency', () => {
    const card = (format: string, buttons: object[]) => ({
      components: [
        { type: 'HEADER', format, examples: ['https://x.com/a.png'] },
        { type: 'BODY', text: 'Card' },
        { type: 'BUTTONS', buttons },
      ],
    });
    const qr = { type: 'QUICK_REPLY', text: 'Buy' };
    const one = issues({
      ...base,
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: 'x' },
        { type: 'CAROUSEL', cards: [card('IMAGE', [qr])] },
      ],
    });
    expect(one).toEqual([{ path: 'components.1.cards', message: 'A carousel has between 2 and 10 cards (this one has 1)' }]);
    const mixed = issues({
      ...base,
      category: 'UTILITY',
      components: [
        { type: 'BODY', text: 'x' },
        { type: 'CAROUSEL', cards: [card('IMAGE', [qr]), card('VIDEO', [qr, qr])] },
      ],
    });
    expect(mixed).toEqual([
      { path: 'components.1.type', message: 'Carousels are only allowed in MARKETING templates' },
      { path: 'components.1.cards.1', message: 'Card 2 must match card 1: same header format and the same buttons in the same order' },
    ]);
  });

  it('names an unknown component type', () => {
    expect(issues({ ...base, components: [{ type: 'BODDY', text: 'x' }] })).toEqual([
      { path: 'components.0.type', message: 'Each component needs a type: HEADER, BODY, FOOTER, BUTTONS or CAROUSEL' },
    ]);
  });

  it('reads fields sent as null as not given, as serializers write unset fields', () => {
    const delivery = structuredClone(creationPayloads.find((p) => p.name === 'delivery_failed_v1')!) as any;
    delivery.components[2].buttons[0].examples = null;
    delivery.components[2].buttons[0].url = null;
    delivery.components.splice(2, 0, { type: 'FOOTER', text: 'Reply below', examples: null });
    const parsed = templatePayloadSchema.parse(delivery);
    expect(parsed.components[2]).toEqual({ type: 'FOOTER', text: 'Reply below' });
    expect(JSON.stringify(parsed)).not.toContain('null');
    const clinic = structuredClone(creationPayloads.find((p) => p.name === 'clinic_reminder_v1')!) as any;
    clinic.components[0] = { type: 'HEADER', format: 'LOCATION', text: null, examples: null };
    expect(issues(clinic)).toEqual([]);
    // A null where a value is needed is still reported, at its path.
    expect(issues({ ...base, components: [{ type: 'BODY', text: null }] })).toEqual([{ path: 'components.0.text', message: 'Write the message body text' }]);
    expect(issues({ ...base, components: [null] })[0].path).toBe('components.0');
  });

  it('says what a body that is not an object should be', () => {
    for (const body of [[], 'x', 7, null]) {
      expect(issues(body)).toEqual([{ path: '', message: 'The template must be a JSON object: { "name", "language", "category", "components" }' }]);
    }
  });
});
