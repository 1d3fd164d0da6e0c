import crypto from 'node:crypto';

const digest = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();

/**
 * Whether the Authorization header is `Bearer <webhookSecret>`. Both sides are hashed first so the
 * comparison takes the same time whatever the header's length or how much of it matches.
 */
export function webhookSecretMatches(authorization: string | null, webhookSecret: string): boolean {
  const presented = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
  const equal = crypto.timingSafeEqual(digest(presented), digest(webhookSecret));
  return equal && presented.length > 0;
}
