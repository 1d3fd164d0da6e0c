import { describe, expect, it } from 'vitest';
import { templateSlots } from '@/lib/templates/template-slots';
import {
  detectPhoneColumn,
  initialMapping,
  mappingFromParameters,
  mappingProblems,
  rowValues,
  toParameters,
} from '@/components/campaigns/wizard/mapping-model';

const template = {
  components: [
    { type: 'HEADER', format: 'IMAGE', examples: ['https://example.com/a.png'] },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} shipped.', examples: ['Maria', '42'] },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://t.example/{{1}}', examples: ['42'] }] },
  ],
} as never;
const slots = templateSlots(template);
const columns = ['Name', 'Mobile Number', 'order', 'button.0'];

describe('campaign mapping model', () => {
  it('finds the phone column by its name, else by what its cells look like', () => {
    expect(detectPhoneColumn(columns, [])).toBe('Mobile Number');
    expect(
      detectPhoneColumn(
        ['first', 'contact'],
        [
          ['Ann', '+65 9123 4567'],
          ['Bo', '91234568'],
        ],
      ),
    ).toBe('contact');
    expect(detectPhoneColumn(['first', 'city'], [['Ann', 'Paris']])).toBeNull();
  });

  it('blocks every slot that is not mapped, with the reason, until each has a column or a value', () => {
    let m = initialMapping(slots, columns);
    // A column named after the slot's key is taken at once.
    expect(m['button.0']).toMatchObject({ source: 'column', column: 'button.0' });
    expect(Object.keys(mappingProblems(slots, m, columns)).sort()).toEqual(['body.1', 'body.2', 'header']);
    m = { ...m, header: { source: 'value', column: '', value: 'not a url', fallback: '' } };
    expect(mappingProblems(slots, m, columns).header).toMatch(/https:\/\//);
    m = {
      ...m,
      header: { source: 'value', column: '', value: 'https://example.com/b.png', fallback: '' },
      'body.1': { source: 'column', column: 'Name', value: '', fallback: 'there' },
      'body.2': { source: 'column', column: 'order', value: '', fallback: '' },
    };
    expect(mappingProblems(slots, m, columns)).toEqual({});
    expect(mappingProblems(slots, m, ['Name'])['body.2']).toBe('The audience has no column "order"');

    const parameters = toParameters(slots, m);
    expect(parameters).toEqual({
      header: { value: 'https://example.com/b.png' },
      'body.1': { column: 'Name', fallback: 'there' },
      'body.2': { column: 'order' },
      'button.0': { column: 'button.0' },
    });
    // A draft opened again maps the same way.
    expect(toParameters(slots, mappingFromParameters(parameters))).toEqual(parameters);
    // An empty cell takes the fallback in the preview.
    expect(rowValues(slots, m, columns, ['', '+6591234567', '77', 'x'])).toMatchObject({ 'body.1': 'there', 'body.2': '77', 'button.0': 'x' });
  });
});
