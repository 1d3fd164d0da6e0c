import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('fills defaults for the embedded setup', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe('file:./data/parley.db');
    expect(env.PORT).toBe(3000);
    expect(env.RUN_WORKER_IN_WEB).toBe(true);
    expect(env.ALLOW_PRIVATE_NETWORK).toBe(false);
  });

  it('names every bad variable in one message', () => {
    expect(() => parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED_ADMIN_PASSWORD: 'short' })).toThrow(
      /PORT:[\s\S]*DATABASE_URL: must start with file:[\s\S]*SEED_ADMIN_PASSWORD: must be at least 8 characters/,
    );
  });

  it('accepts a PostgreSQL URL and boolean spellings', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://u@localhost/db', ALLOW_PRIVATE_NETWORK: '1', RUN_WORKER_IN_WEB: 'false' });
    expect(env.ALLOW_PRIVATE_NETWORK).toBe(true);
    expect(env.RUN_WORKER_IN_WEB).toBe(false);
  });

  it('reads CREDENTIALS_KEY as 32 bytes and refuses any other length', () => {
    const hex = 'ab'.repeat(32);
    expect(parseEnv({ CREDENTIALS_KEY: hex }).CREDENTIALS_KEY?.length).toBe(32);
    expect(parseEnv({ CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64') }).CREDENTIALS_KEY).toEqual(Buffer.alloc(32, 7));
    expect(() => parseEnv({ CREDENTIALS_KEY: 'too-short' })).toThrow(/CREDENTIALS_KEY: must be 32 bytes/);
    expect(() => parseEnv({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL: must start with smtp/);
  });
});
