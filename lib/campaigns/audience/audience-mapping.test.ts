import { describe, expect, it } from 'vitest';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import slotKindTemplates from '@/lib/campaigns/audience/fixtures/slot-kind-templates.json';
import { storedFromPayload } from '@/lib/templates/fixtures/stored-from-payload';
import { checkSendParameters } from '@/lib/templates/check-send-parameters';
import { fillTemplateComponents, templateSlots } from '@/lib/templates/template-slots';
import { ValidationError } from '@/lib/errors';
import { bindColumns, checkRow, planAudience, valuesJson } from '@/lib/campaigns/audience/audience-mapping';

// Templates with every kind of slot: the reference payloads, plus (fixtures/slot-kind-templates.json) a
// text header with a copy code and a URL suffix, an image header, and a carousel whose cards have body
// variables.
const TEMPLATES = [...creation, ...slotKindTemplates].map((t) => storedFromPayload(t));

let seed = 7;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

// Values near every rule's edge: empty, blank, lengths around each limit, emoji (counted as one
// character each by WhatsApp), links and not-links, coordinates and not.
const CELLS = [
  '',
  '   ',
  'Ann',
  ' Bob ',
  'x'.repeat(15),
  'x'.repeat(16),
  'y'.repeat(55),
  'y'.repeat(60),
  '😀'.repeat(50),
  '😀'.repeat(150),
  'z'.repeat(150),
  'z'.repeat(1000),
  'z'.repeat(1030),
  'w'.repeat(1990),
  'https://example.com/a.png',
  'HTTP://EXAMPLE.COM/b.mp4',
  'ftp://example.com/a.png',
  'example.com/a.png',
  '1.2857,103.8479',
  '-33.86,151.21,Sydney,NSW',
  '91,0',
  '1.28;103.84',
  '"quoted"',
  'back\\slash',
];

describe('checkRow', () => {
  it('gives the verdict checkSendParameters gives on the filled payload, for every kind of slot', () => {
    let valid = 0;
    let invalid = 0;
    for (const template of TEMPLATES) {
      const slots = templateSlots(template);
      const parameters = Object.fromEntries(slots.map((s) => [s.key, { column: s.key }]));
      const audience = bindColumns(planAudience(template, parameters), ['phone', ...slots.map((s) => s.key)], 'phone');
      for (let i = 0; i < 1500; i++) {
        // Mostly plausible values, so that both verdicts are common.
        const cells = ['+6591234567', ...slots.map((s) => (random() < 0.7 ? s.example : pick(CELLS)))];
        const check = checkRow(audience, cells);
        const values = Object.fromEntries(slots.map((s, k) => [s.key, cells[k + 1]!.trim()]));
        let full: string | null = null;
        try {
          checkSendParameters(template, { name: template.name, language: template.language, components: fillTemplateComponents(template, values) });
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          full = err.message;
        }
        expect(check.errors === null, `${template.name} ${JSON.stringify(values).slice(0, 300)}: ${full} / ${JSON.stringify(check.errors)}`).toBe(
          full === null,
        );
        if (full === null) valid++;
        else invalid++;
      }
    }
    expect(valid).toBeGreaterThan(3000);
    expect(invalid).toBeGreaterThan(3000);
  });

  it('fills empty cells with the fallback, names the column of an empty cell without one, and takes fixed values', () => {
    const template = TEMPLATES.find((t) => t.name === 'order_shipped_v2')!;
    const plan = planAudience(template, { 'body.1': { column: 'name', fallback: ' there ' }, 'body.2': { column: 'order' }, 'button.0': { value: 'TRACK' } });
    const audience = bindColumns(plan, ['phone', 'name', 'order'], 'phone');
    expect(checkRow(audience, ['+6591234567', '  ', 'A1'])).toEqual({ values: ['there', 'A1', 'TRACK'], errors: null });
    expect(checkRow(audience, ['+6591234567', 'Ann', ''])).toMatchObject({
      errors: [{ column: 'order', code: 3041, message: '"order" is empty and body.2 has no fallback' }],
    });
  });
});

describe('planAudience and bindColumns', () => {
  const template = TEMPLATES.find((t) => t.name === 'summer_sale_carousel_v1')!;

  it('names every variable left unmapped, and keys the template does not have', () => {
    let error: ValidationError | null = null;
    try {
      planAudience(template, { 'body.1': { column: 'a' }, 'body.2': { column: 'b' } });
    } catch (err) {
      error = err as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.status).toBe(400);
    expect(error!.code).toBe(1005);
    expect(error!.message).toBe('Map every variable of the template: card.0.header, card.0.button.0, card.1.header, card.1.button.0 are not mapped');
    expect(error!.issues.map((i) => i.path)).toEqual([
      'parameters.card.0.header',
      'parameters.card.0.button.0',
      'parameters.card.1.header',
      'parameters.card.1.button.0',
      'parameters.body.2',
    ]);
  });

  it('refuses a fixed value or fallback that cannot fill its slot', () => {
    expect(() =>
      planAudience(template, {
        'body.1': { column: 'a' },
        'card.0.header': { value: 'not a link' },
        'card.0.button.0': { value: 'A' },
        'card.1.header': { column: 'img', fallback: 'ftp://x' },
        'card.1.button.0': { value: '  ' },
      }),
    ).toThrow(
      expect.objectContaining({
        issues: [
          { path: 'parameters.card.0.header.value', message: 'The value of card.0.header must be a link to the image, starting with https://' },
          { path: 'parameters.card.1.header.fallback', message: 'The fallback of card.1.header must be a link to the image, starting with https://' },
          { path: 'parameters.card.1.button.0.value', message: 'Give the value every recipient gets' },
        ],
      }),
    );
  });

  it('names a mapped column the audience does not have', () => {
    const plan = planAudience(TEMPLATES.find((t) => t.name === 'order_shipped_v2')!, {
      'body.1': { column: 'name' },
      'body.2': { column: 'order_no' },
      'button.0': { column: 'order_no' },
    });
    expect(() => bindColumns(plan, ['phone', 'name', 'order'], 'phone')).toThrow('The audience has no column "order_no"');
    expect(() => bindColumns(plan, ['tel', 'name', 'order_no'], 'phone')).toThrow('The audience has no column "phone"');
  });
});

describe('valuesJson', () => {
  it('writes what JSON.stringify writes', () => {
    for (const v of [[], ['a'], ['a', 'b "c"', 'd\\e', 'tab\there', 'line\nbreak', '😀', '\ud800', 'é', '\u2028']])
      expect(valuesJson(v)).toBe(JSON.stringify(v));
  });
});
