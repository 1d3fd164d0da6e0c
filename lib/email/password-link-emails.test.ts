import { describe, expect, it } from 'vitest';
import { invitationEmail } from '@/lib/email/invitation-email';
import { passwordResetEmail } from '@/lib/email/password-reset-email';

const expiresAt = new Date('2026-12-12T14:03:27Z');
const url = 'https://parley.example.com/invite/abc_DEF-123';

describe('invitation and password reset emails', () => {
  it('the invitation names the person, the inviter, the partner, the link and its expiry, in both bodies', () => {
    const m = invitationEmail({ to: 'pat@example.com', name: 'Pat', inviter: 'Ann Admin', partner: 'Demo Partner', url, expiresAt });
    expect(m.to).toBe('pat@example.com');
    expect(m.subject).toBe('Ann Admin invited you to Demo Partner on Parley');
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Hi Pat,');
      expect(body).toContain('Ann Admin invited you to join Demo Partner on Parley');
      expect(body).toContain(url);
      expect(body).toContain('Sat, 12 Dec 2026 14:03 UTC');
    }
    // The button and the fallback link under it both point at the link.
    expect(m.html.match(new RegExp(`href="${url}"`, 'g'))).toHaveLength(2);
    expect(m.html).toContain('>Set your password</a>');
    expect(m.text).toContain(`Set your password:\n${url}`);
    expect(m.html).not.toMatch(/<style|<script|class=/);
  });

  it('the reset says the old password stopped working and who reset it', () => {
    const m = passwordResetEmail({ to: 'pat@example.com', name: 'Pat', resetBy: 'Ann Admin', partner: 'Demo Partner', url, expiresAt });
    expect(m.subject).toBe('Choose a new password for Parley');
    for (const body of [m.text, m.html]) {
      expect(body).toContain('Ann Admin reset the password of your Parley account at Demo Partner (pat@example.com)');
      expect(body).toContain('Your old password no longer works');
      expect(body).toContain(url);
    }
  });

  it('escapes every value in the HTML and keeps the subject on one line', () => {
    const hostile = '<img src=x onerror="alert(1)"> & \'Bobby\'\r\nBcc: victim@example.com';
    const m = invitationEmail({
      to: 'pat@example.com',
      name: hostile,
      inviter: hostile,
      partner: '<b>Evil & Co</b>',
      url: `${url}"><script>x</script>`,
      expiresAt,
    });
    expect(m.html).not.toContain('<img');
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<b>Evil');
    expect(m.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;Bobby&#39;');
    expect(m.html).toContain('&lt;b&gt;Evil &amp; Co&lt;/b&gt;');
    expect(m.html).toContain(`href="${url}&quot;&gt;&lt;script&gt;x&lt;/script&gt;"`);
    expect(m.subject).not.toMatch(/[\r\n]/);
    // The plain body is text: nothing to escape, shown as written.
    expect(m.text).toContain('Hi <img src=x onerror="alert(1)">');
  });
});
