import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptJson, decryptSecret, encryptJson, encryptSecret } from '@/lib/crypto/secret-box';

const key = crypto.randomBytes(32);

describe('secret box', () => {
  it('round-trips a value and never stores it in the clear', () => {
    const stored = encryptJson({ apiKey: 'sk_live_abcdef', subAccountId: 'acme_wa' }, key);
    expect(stored).not.toContain('sk_live_abcdef');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(decryptJson(stored, key)).toEqual({ apiKey: 'sk_live_abcdef', subAccountId: 'acme_wa' });
  });

  it('gives a different ciphertext each time (random IV)', () => {
    expect(encryptSecret('same', key)).not.toBe(encryptSecret('same', key));
  });

  it('refuses a tampered value and a wrong key', () => {
    const stored = encryptSecret('secret', key);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key)).toThrow();
    expect(() => decryptSecret(stored, crypto.randomBytes(32))).toThrow();
    expect(() => decryptSecret('plain text', key)).toThrow(/format/);
  });
});
