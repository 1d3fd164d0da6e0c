import crypto from 'node:crypto';
import os from 'node:os';
import { env } from '@/lib/env';

/** This process's identity as a runner: an instance is leased to one owner at a time. */
export const RUNNER_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

export function leaseUntil(extraMs = 0): Date {
  return new Date(Date.now() + env.AUTOMATION_LEASE_MS + extraMs);
}
