import { describe, expect, it } from 'vitest';
import { BUTTON_KINDS, CARD_BUTTON_KINDS, checkTemplateRules } from '@/lib/templates/template-rules';
import { BUTTON_TYPES, TEMPLATE_CATEGORIES, type ButtonType, type TemplateCategory, type TemplateComponent } from '@/lib/templates/template-components';

// A well-formed button of each kind: whether a template may hold it depends only on the kind.
const BUTTON: Record<ButtonType, Record<string, unknown>> = {
  QUICK_REPLY: { type: 'QUICK_REPLY', text: 'Yes' },
  URL: { type: 'URL', text: 'Site', url: 'https://example.com' },
  PHONE_NUMBER: { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15551234567' },
  COPY_CODE: { type: 'COPY_CODE', examples: ['SAVE10'] },
  OTP: { type: 'OTP', otp_type: 'COPY_CODE' },
};
const bodyFor = (c: TemplateCategory) => ({
  type: 'BODY',
  text: c === 'AUTHENTICATION' ? 'Your code is {{1}}.' : 'Hello there.',
  examples: c === 'AUTHENTICATION' ? ['123456'] : undefined,
});

describe('the button kinds the designer offers are the ones the rules allow', () => {
  for (const category of TEMPLATE_CATEGORIES)
    it(category, () => {
      const allowed = BUTTON_TYPES.filter(
        (kind) =>
          checkTemplateRules({ category, components: [bodyFor(category), { type: 'BUTTONS', buttons: [BUTTON[kind]] }] as TemplateComponent[] }).length === 0,
      );
      expect(allowed).toEqual(BUTTON_KINDS[category]);
    });

  it('on a carousel card', () => {
    const card = (kind: ButtonType) => ({
      components: [
        { type: 'HEADER', format: 'IMAGE', examples: ['https://example.com/a.png'] },
        { type: 'BODY', text: 'A card.' },
        { type: 'BUTTONS', buttons: [BUTTON[kind]] },
      ],
    });
    const allowed = BUTTON_TYPES.filter(
      (kind) =>
        checkTemplateRules({
          category: 'MARKETING',
          components: [
            { type: 'BODY', text: 'Look at these.' },
            { type: 'CAROUSEL', cards: [card(kind), card(kind)] },
          ] as TemplateComponent[],
        }).length === 0,
    );
    expect(allowed).toEqual(CARD_BUTTON_KINDS);
  });
});
