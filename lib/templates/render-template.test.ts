import { describe, expect, it } from 'vitest';
import { renderTemplate } from '@/lib/templates/render-template';
import { storedFromPayload } from '@/lib/templates/fixtures/stored-from-payload';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import sends from '@/lib/templates/fixtures/reference-send-payloads.json';

const tpl = (name: string) => storedFromPayload(creation.find((c) => c.name === name));
const send = (name: string) => sends.find((s) => s.content.template.name === name)!.content.template;

describe('renderTemplate', () => {
  it('fills the body and URL suffix from a send and opens the Markdown-written URL', () => {
    const r = renderTemplate(tpl('order_shipped_v2'), send('order_shipped_v2'));
    expect(r.body).toBe('Hi Maria, good news! Your order #987-XYZ has shipped.');
    expect(r.buttons).toEqual([{ type: 'URL', text: 'Track Your Order', url: 'https://your.tracker.com/track/987-XYZ' }]);
  });

  it('uses the sample values without a send, and raw {{n}} on request', () => {
    expect(renderTemplate(tpl('appointment_reminder_v1')).body).toBe(
      "Hi Maria, this is a reminder for your appointment on Nov 10, 2025 at 10:30 AM. Please reply '1' to Confirm or '2' to Reschedule.",
    );
    const raw = renderTemplate(tpl('order_shipped_v2'), undefined, { showRaw: true });
    expect(raw.body).toBe('Hi {{1}}, good news! Your order #{{2}} has shipped.');
    expect(raw.buttons[0].url).toBe('https://your.tracker.com/track/{{1}}');
  });

  it('renders media, location, footer and copy-code buttons', () => {
    expect(renderTemplate(tpl('delivery_failed_v1'), send('delivery_failed_v1')).header).toEqual({
      format: 'DOCUMENT',
      mediaUrl: 'https://.../live-delivery-note-774-ABC.pdf',
    });
    const clinic = renderTemplate(tpl('clinic_reminder_v1'), send('clinic_reminder_v1'));
    expect(clinic.header).toEqual({
      format: 'LOCATION',
      location: { latitude: '1.2857', longitude: '103.8479', name: 'Downtown Medical Clinic', address: '123 Health St, Medical Tower, #05-01' },
    });
    expect(clinic.footer).toBe('Please reply to confirm or call to reschedule.');
    const otp = renderTemplate(tpl('finance_otp_v3'), send('finance_otp_v3'));
    expect(otp.body).toBe('Your one-time passcode for your transaction is 852913.');
    expect(otp.buttons).toEqual([{ type: 'COPY_CODE', text: 'Copy code', code: '852913' }]);
  });

  it('renders carousel cards with their live media and buttons', () => {
    const r = renderTemplate(tpl('summer_sale_carousel_v1'), send('summer_sale_carousel_v1'));
    expect(r.body).toBe('Hi Alex, our summer sale is on! Swipe through to see our top deals.');
    expect(r.cards).toEqual([
      {
        header: { format: 'IMAGE', mediaUrl: 'https://.../product_A_live.png' },
        body: 'Product A - 20% Off',
        buttons: [{ type: 'URL', text: 'Shop Now', url: 'https://.../product/A' }],
      },
      {
        header: { format: 'IMAGE', mediaUrl: 'https://.../product_B_live.png' },
        body: 'Product B - Buy One Get One',
        buttons: [{ type: 'URL', text: 'Shop Now', url: 'https://.../product/B' }],
      },
    ]);
    const qr = renderTemplate(tpl('retail_abandoned_cart_v1'));
    expect(qr.cards[1].buttons).toEqual([{ type: 'QUICK_REPLY', text: 'Complete My Order' }]);
  });

  it('never throws on a half-written draft or a malformed send', () => {
    expect(renderTemplate({ components: [] }).body).toBe('');
    const draft = {
      components: [
        { type: 'BODY' as const, text: 'Hi {{1}}' },
        { type: 'HEADER' as const, format: 'IMAGE' as const },
      ],
    };
    expect(renderTemplate(draft, { components: 'nope' })).toMatchObject({ body: 'Hi {{1}}', header: { format: 'IMAGE' } });
  });
});

describe('renderTemplate with unfinished samples', () => {
  it('keeps {{n}} where no sample was written yet', () => {
    const draft = { components: [{ type: 'BODY' as const, text: 'Hi {{1}}, order {{2}}.', examples: ['Maria', ' '] }] };
    expect(renderTemplate(draft).body).toBe('Hi Maria, order {{2}}.');
  });
});
