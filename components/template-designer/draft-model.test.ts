import { describe, expect, it } from 'vitest';
import {
  addComponent,
  emptyDraft,
  insertVariable,
  move,
  newCard,
  removeComponent,
  syncExamples,
  validateDraft,
} from '@/components/template-designer/draft-model';

describe('designer draft model', () => {
  it('inserts the next variable at the cursor and keeps one sample per variable', () => {
    expect(insertVariable('Hi , your order', 3)).toEqual({ text: 'Hi {{1}}, your order', cursor: 8 });
    expect(insertVariable('Hi {{1}}, order ', 16).text).toBe('Hi {{1}}, order {{2}}');
    expect(syncExamples('Hi {{1}} {{2}}', ['Maria'])).toEqual(['Maria', '']);
    expect(syncExamples('Hi {{1}}', ['Maria', 'x'])).toEqual(['Maria']);
    expect(syncExamples('Hi there', ['Maria'])).toBeUndefined();
  });

  it('adds components in WhatsApp order and removes them', () => {
    let s = emptyDraft('acme_corp_whatsapp');
    s = addComponent(s, { type: 'BUTTONS', buttons: [] });
    s = addComponent(s, { type: 'HEADER', format: 'TEXT', text: 'Hi' });
    s = addComponent(s, { type: 'FOOTER', text: 'f' });
    expect(s.components.map((c) => c.type)).toEqual(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']);
    expect(removeComponent(s, 'FOOTER').components.map((c) => c.type)).toEqual(['HEADER', 'BODY', 'BUTTONS']);
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('validates with the shared schema, keyed by the paths the fields use', () => {
    const s = { ...emptyDraft('c'), name: 'Bad', components: [{ type: 'BODY' as const, text: 'Hi {{1}}!' }] };
    expect(validateDraft(s)).toMatchObject({
      name: expect.stringContaining('lower-case'),
      'components.0.examples': 'Give a sample value for every variable: 1 needed, 0 given',
    });
    expect(validateDraft({ ...s, name: 'good', components: [{ type: 'BODY', text: 'Hi {{1}}!', examples: ['Al'] }] })).toEqual({});
  });

  it('shapes a new carousel card like the first', () => {
    const first = newCard();
    first.components[2] = { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Shop', url: 'https://x.com/{{1}}', examples: ['a'] }] };
    expect(newCard(first).components[2]).toEqual({ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Shop', url: 'https://' }] });
  });
});
