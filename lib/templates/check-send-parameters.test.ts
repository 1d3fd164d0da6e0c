import { describe, expect, it } from 'vitest';
import { checkSendParameters } from '@/lib/templates/check-send-parameters';
import { storedFromPayload } from '@/lib/templates/fixtures/stored-from-payload';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import sends from '@/lib/templates/fixtures/reference-send-payloads.json';
import { ValidationError } from '@/lib/errors';

const tpl = (name: string) => storedFromPayload(creation.find((c) => c.name === name));
const send = (name: string) => structuredClone(sends.find((s) => s.content.template.name === name)!.content.template) as any;

function failure(name: string, sendTemplate: unknown) {
  try {
    checkSendParameters(tpl(name), sendTemplate);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    const e = err as ValidationError;
    return { code: e.code, message: e.message, issues: e.issues };
  }
  throw new Error('expected a ValidationError');
}

describe('checkSendParameters', () => {
  it.each(sends.map((s) => [s.content.template.name]))('accepts the reference send payload of %s', (name) => {
    expect(() => checkSendParameters(tpl(name), send(name))).not.toThrow();
  });

  it('3040 when a template with variables gets no parameters at all', () => {
    const f = failure('appointment_reminder_v1', { name: 'appointment_reminder_v1', language: 'en_US', components: [] });
    expect(f.code).toBe(3040);
    expect(f.message).toBe("Empty template parameters: template 'appointment_reminder_v1' needs 3 body parameters, but no parameters were sent");
    expect(failure('appointment_reminder_v1', { name: 'x' }).code).toBe(3040);
  });

  it('3041 on a wrong body parameter count, naming the component', () => {
    const s = send('appointment_reminder_v1');
    s.components[0].parameters.pop();
    const f = failure('appointment_reminder_v1', s);
    expect(f).toMatchObject({
      code: 3041,
      message: 'Invalid template parameter: The body expects 3 parameters ({{1}}, {{2}}, {{3}}), but 2 were sent',
      issues: [{ path: 'content.template.components.0.parameters' }],
    });
  });

  it('3041 when the URL button suffix is missing or the index is wrong', () => {
    const s = send('order_shipped_v2');
    s.components.pop();
    expect(failure('order_shipped_v2', s).message).toBe(
      'Invalid template parameter: The URL button 0 (\'Track Your Order\') needs the end of its address: send a button component with "index": "0"',
    );
    const t = send('order_shipped_v2');
    t.components[1].index = 3;
    expect(failure('order_shipped_v2', t).issues[0].message).toBe('There is no button 3: the template has 1 button');
  });

  it('accepts the index as a number and subType in other spellings', () => {
    const s = send('order_shipped_v2');
    s.components[1].index = 0;
    s.components[1].subType = 'URL';
    expect(() => checkSendParameters(tpl('order_shipped_v2'), s)).not.toThrow();
    const otp = send('finance_otp_v3');
    otp.components[1].subType = 'copy_code';
    otp.components[1].parameters = [{ type: 'coupon_code', coupon_code: '111222' }];
    expect(() => checkSendParameters(tpl('finance_otp_v3'), otp)).not.toThrow();
  });

  it('3041 on a missing coupon code and on a subType that does not fit', () => {
    const s = send('finance_otp_v3');
    s.components[1].parameters = [];
    expect(failure('finance_otp_v3', s).issues[0].message).toBe('The copy-code button 0 needs the code: {"type":"couponCode","couponCode":"..."}');
    const u = send('finance_otp_v3');
    u.components[1].subType = 'url';
    expect(failure('finance_otp_v3', u).issues[0].message).toBe("The button 0 is a COPY_CODE button, not subType 'url'");
  });

  it('3041 when header media is missing or of the wrong kind', () => {
    const s = send('delivery_failed_v1');
    s.components.shift();
    expect(failure('delivery_failed_v1', s).issues[0].message).toBe(
      'The document header needs its media: send a header component with {"type":"document","url":"https://..."}',
    );
    const v = send('student_welcome_v1');
    v.components[0].parameters[0].type = 'image';
    expect(failure('student_welcome_v1', v).code).toBe(3041);
    const l = send('clinic_reminder_v1');
    delete l.components[0].parameters[0].location.latitude;
    expect(failure('clinic_reminder_v1', l).issues[0].message).toContain('location header needs');
  });

  it('3041 for a location header off the globe, not a number, or with a name that is not text', () => {
    const located = (location: Record<string, unknown>) => {
      const l = send('clinic_reminder_v1');
      Object.assign(l.components[0].parameters[0].location, location);
      return l;
    };
    for (const bad of [
      { latitude: 12345 },
      { longitude: -181 },
      { latitude: 'Infinity' },
      { latitude: Infinity },
      { latitude: '1e3' },
      { name: { a: 1 } },
      { address: ['x'] },
      { name: 'x'.repeat(1001) },
    ]) {
      expect(failure('clinic_reminder_v1', located(bad)).issues[0].message).toContain('location header needs');
    }
    for (const good of [
      { latitude: -90, longitude: 180 },
      { latitude: ' 1.2857 ', longitude: '+103.8479' },
      { name: undefined, address: undefined },
    ]) {
      expect(() => checkSendParameters(tpl('clinic_reminder_v1'), located(good))).not.toThrow();
    }
  });

  it('3041 for a parameter of Infinity (JSON 1e400), while a finite number is its text', () => {
    const s = send('appointment_reminder_v1');
    s.components[0].parameters[0].text = Infinity;
    expect(failure('appointment_reminder_v1', s).code).toBe(3041);
    s.components[0].parameters[0].text = 42;
    expect(() => checkSendParameters(tpl('appointment_reminder_v1'), s)).not.toThrow();
    const c = send('finance_otp_v3');
    c.components[1].parameters[0].couponCode = Infinity;
    expect(failure('finance_otp_v3', c).code).toBe(3041);
  });

  it('3041 when the URL button suffix makes the address longer than WhatsApp allows', () => {
    const s = send('order_shipped_v2');
    // The address is https://your.tracker.com/track/ (31 characters) and the suffix.
    s.components[1].parameters[0].text = 'x'.repeat(1970);
    expect(failure('order_shipped_v2', s)).toMatchObject({
      code: 3041,
      issues: [{ path: 'content.template.components.1.parameters', message: expect.stringContaining('longer than 2000 characters') }],
    });
    s.components[1].parameters[0].text = 'x'.repeat(1969);
    expect(() => checkSendParameters(tpl('order_shipped_v2'), s)).not.toThrow();
  });

  it('3041 when carousel cards do not match', () => {
    const s = send('summer_sale_carousel_v1');
    s.components[1].cards.pop();
    const f = failure('summer_sale_carousel_v1', s);
    expect(f.issues[0]).toEqual({ path: 'content.template.components.1.cards', message: 'The carousel has 2 cards, but 1 were sent' });
    const m = send('summer_sale_carousel_v1');
    m.components[1].cards[1].components.pop();
    expect(failure('summer_sale_carousel_v1', m).issues[0].message).toContain("card 1 URL button 0 ('Shop Now') needs the end of its address");
    const n = send('summer_sale_carousel_v1');
    n.components.pop();
    expect(failure('summer_sale_carousel_v1', n).issues[0].message).toContain('The carousel needs its 2 cards');
  });

  it('3041 for parameters a template does not take', () => {
    const s = send('clinic_reminder_v1');
    s.components.push({ type: 'button', index: '0', subType: 'url', parameters: [{ type: 'text', text: 'x' }] });
    expect(failure('clinic_reminder_v1', s).issues[0].message).toBe('There is no button 0: the template has 0 buttons');
  });

  it('1005 for a malformed structure', () => {
    const f = failure('appointment_reminder_v1', { components: [{ type: 'body', parameters: 'Maria' }] });
    expect(f).toMatchObject({ code: 1005, issues: [{ path: 'content.template.components.0.parameters' }] });
    expect(failure('appointment_reminder_v1', { components: [{ type: 'footer', parameters: [] }] }).code).toBe(1005);
    const idx = send('order_shipped_v2');
    idx.components[1].index = 'first';
    expect(failure('order_shipped_v2', idx)).toMatchObject({ code: 1005, issues: [{ path: 'content.template.components.1.index' }] });
  });

  it("3041 when the filled-in body or header would pass WhatsApp's length limit, naming the parameters", () => {
    const s = send('appointment_reminder_v1');
    const fixed = "Hi , this is a reminder for your appointment on  at . Please reply '1' to Confirm or '2' to Reschedule.".length;
    // The other two values are 'Nov 10, 2025' and '10:30 AM' (20 characters).
    s.components[0].parameters[0].text = 'm'.repeat(1024 - fixed - 20);
    expect(() => checkSendParameters(tpl('appointment_reminder_v1'), s)).not.toThrow();
    s.components[0].parameters[0].text += 'm';
    expect(failure('appointment_reminder_v1', s)).toMatchObject({
      code: 3041,
      issues: [
        { path: 'content.template.components.0.parameters', message: 'With these parameters the body is 1025 characters long; WhatsApp allows at most 1024' },
      ],
    });

    const header = storedFromPayload({
      name: 'h_v1',
      language: 'en_US',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', examples: ['1'] },
        { type: 'BODY', text: 'Thanks' },
      ],
    });
    const withHeader = (value: string) => ({ components: [{ type: 'header', parameters: [{ type: 'text', text: value }] }] });
    expect(() => checkSendParameters(header, withHeader('x'.repeat(54)))).not.toThrow();
    try {
      checkSendParameters(header, withHeader('x'.repeat(55)));
      throw new Error('expected a ValidationError');
    } catch (err) {
      expect(err).toMatchObject({
        code: 3041,
        issues: [{ path: 'content.template.components.0.parameters', message: expect.stringContaining('longer than 60 characters') }],
      });
    }
  });
});
