import crypto from 'node:crypto';
import { env } from '@/lib/env';

// Channel credentials are stored encrypted with AES-256-GCM under CREDENTIALS_KEY, so a copy of the
// database alone does not hand out carrier API keys. The stored form is "v1.<iv>.<tag>.<ciphertext>"
// (base64url); the version lets a later key rotation tell old rows from new.

export class CredentialsKeyMissingError extends Error {
  constructor() {
    super('CREDENTIALS_KEY is not set: carrier credentials cannot be stored or read without it');
  }
}

function key(explicit?: Buffer): Buffer {
  if (explicit) return explicit;
  if (!env.CREDENTIALS_KEY) throw new CredentialsKeyMissingError();
  return env.CREDENTIALS_KEY;
}

export function encryptSecret(plain: string, explicitKey?: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(explicitKey), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptSecret(stored: string, explicitKey?: Buffer): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Stored credentials are not in a format this version reads');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(explicitKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function encryptJson(value: unknown, explicitKey?: Buffer): string {
  return encryptSecret(JSON.stringify(value), explicitKey);
}

export function decryptJson<T>(stored: string, explicitKey?: Buffer): T {
  return JSON.parse(decryptSecret(stored, explicitKey)) as T;
}
