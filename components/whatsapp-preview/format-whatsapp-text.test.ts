import { describe, expect, it } from 'vitest';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatWhatsAppText } from '@/components/whatsapp-preview/format-whatsapp-text';
import { PhoneFrame } from '@/components/whatsapp-preview/phone-frame';
import { TemplateBubble } from '@/components/whatsapp-preview/template-bubble';
import { TextBubble } from '@/components/whatsapp-preview/text-bubble';

const html = (text: string) => renderToStaticMarkup(React.createElement(React.Fragment, null, formatWhatsAppText(text)));

describe('formatWhatsAppText', () => {
  it('formats bold, italic, strike and monospace', () => {
    expect(html('Hi *Maria*, _really_ ~not~ `x`')).toBe(
      'Hi <strong>Maria</strong>, <em>really</em> <s>not</s> <code class="rounded bg-black/5 px-1 font-mono text-[0.92em] dark:bg-white/10">x</code>',
    );
    expect(html('code: ```a *b*```')).toBe('code: <code class="font-mono text-[0.92em] whitespace-pre-wrap">a *b*</code>');
  });

  it('leaves markers inside words alone and nests styles', () => {
    expect(html('2*3*4 and snake_case_name')).toBe('2*3*4 and snake_case_name');
    expect(html('*_both_*')).toBe('<strong><em>both</em></strong>');
  });

  it('renders lists, quotes and line breaks', () => {
    const out = html('Items:\n- one\n2. two\n> quoted');
    expect(out).toContain('Items:<br/>');
    expect(out).toContain('<span aria-hidden="true">•</span><span>one</span>');
    expect(out).toContain('<span>2.</span><span>two</span>');
    expect(out).toContain('border-l-4');
    expect(out).toContain('quoted');
  });
});

describe('preview pieces', () => {
  it('draws the light wallpaper, a white business bubble and "See all options" beyond three buttons', () => {
    const buttons = ['A', 'B', 'C', 'D'].map((t) => ({ type: 'QUICK_REPLY' as const, text: t }));
    const out = renderToStaticMarkup(
      React.createElement(
        PhoneFrame,
        { theme: 'light', title: 'Acme' },
        React.createElement(TemplateBubble, { rendered: { body: 'Hi *there*', footer: 'Reply STOP', buttons, cards: [] }, time: '10:00' }),
        React.createElement(TextBubble, { text: 'Thanks', direction: 'in' }),
      ),
    );
    expect(out).toContain('background:#efeae2');
    expect(out).toMatch(/background:#ffffff[^>]*data-testid="wa-bubble-business"/);
    expect(out).toContain('See all options');
    expect(out).not.toContain('>C<');
    expect(out).toContain('color:#027eb5');
    expect(out).toMatch(/data-testid="wa-bubble-customer"[^>]*background:#d9fdd3/);
  });

  it('uses the dark colours in dark mode', () => {
    const out = renderToStaticMarkup(React.createElement(PhoneFrame, { theme: 'dark' }, React.createElement(TextBubble, { text: 'Hello', direction: 'out' })));
    expect(out).toContain('background:#0b141a');
    expect(out).toContain('background:#202c33');
  });
});
