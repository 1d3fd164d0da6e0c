import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { NotFoundError, PermissionError } from '@/lib/errors';
import { ALL_PERMISSIONS, isPermission, parsePermissions, permissionLabel, type Permission } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/guard';
import { can, type Principal } from '@/lib/auth/principal';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';

const KEY_PREFIX = 'prl_';

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): string {
  return KEY_PREFIX + crypto.randomBytes(24).toString('base64url');
}

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, 'Give the key a name').max(80, 'Keep the name under 80 characters'),
  // Scopes come from the same table as roles; kept in the table's order so lists read alike.
  scopes: z
    .array(z.string())
    .min(1, 'Choose at least one scope')
    .refine((keys) => keys.every(isPermission), { message: 'Unknown permission' })
    .transform((keys) => ALL_PERMISSIONS.filter((k) => keys.includes(k))),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: string | null;
  /** null = full access (keys made before scopes existed). */
  scopes: Permission[] | null;
};

/**
 * Creates a key and returns its secret, which is never stored and never shown again. A key made by a
 * person (`creator`) gets an explicit list of scopes, each one the creator holds, for an account the
 * creator can reach: a key must not be a way to more than its maker has. Seeds and scripts pass no
 * creator; without scopes their key has full access. `actor` is audited in the same transaction.
 */
export async function createApiKey(
  db: Db,
  args: { accountId: string; name: string; actor: Actor; createdById?: string | null; secret?: string; scopes?: Permission[] | null; creator?: Principal },
): Promise<{ id: string; secret: string }> {
  if (args.creator) assertCanScopeKey(args.creator, args.accountId, args.scopes ?? null);
  const secret = args.secret ?? generateApiKey();
  const row = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        accountId: args.accountId,
        name: args.name,
        prefix: secret.slice(0, 10),
        hash: hashApiKey(secret),
        createdById: args.createdById ?? args.creator?.userId ?? null,
        ...(args.scopes ? { scopes: args.scopes } : {}),
      },
    });
    await recordAuditEvent(tx, args.actor, {
      accountId: args.accountId,
      action: 'apikey.create',
      entityType: 'api_key',
      entityId: row.id,
      summary: `Created API key "${args.name}"`,
      changes: { after: { name: args.name, scopes: args.scopes ?? null } },
    });
    return row;
  });
  return { id: row.id, secret };
}

/** Checked where the key is made, not only by the page that offered the choice. */
function assertCanScopeKey(creator: Principal, accountId: string, scopes: Permission[] | null): void {
  requirePermission(creator, 'settings.apikeys.manage', accountId);
  if (!scopes?.length) {
    const message = 'Choose the scopes the key may use';
    throw new PermissionError(message, [{ path: 'scopes', message }]);
  }
  const missing = scopes.filter((s) => !can(creator, s));
  if (missing.length) {
    const message = `You cannot give a key ${missing.map((p) => `“${permissionLabel(p)}”`).join(', ')}: you do not hold ${missing.length === 1 ? 'it' : 'them'} yourself.`;
    throw new PermissionError(message, [{ path: 'scopes', message }]);
  }
}

export async function listApiKeys(db: Db, accountId: string): Promise<ApiKeySummary[]> {
  const rows = await db.apiKey.findMany({
    where: { accountId },
    orderBy: [{ revokedAt: 'asc' }, { createdAt: 'desc' }],
    include: { createdBy: { select: { email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    createdBy: r.createdBy?.email ?? null,
    scopes: parseScopes(r.scopes),
  }));
}

/** Revokes a key at once in this process (another within AUTH_CACHE_MS); `actor` is audited with it. */
export async function revokeApiKey(db: Db, accountId: string, id: string, actor: Actor): Promise<{ name: string }> {
  const key = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id, accountId } });
    if (!key) throw new NotFoundError('API key not found');
    if (!key.revokedAt) await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, actor, { accountId, action: 'apikey.revoke', entityType: 'api_key', entityId: id, summary: `Revoked API key "${key.name}"` });
    return key;
  });
  authCache.delete(key.hash);
  return { name: key.name };
}

export type ApiKeyPrincipal = {
  keyId: string;
  accountId: string;
  partnerId: string;
  /** Name and first characters of the key: how the audit log names a change made with it. */
  name: string;
  prefix: string;
  /** Requests per second this key may make; null = API_RATE_LIMIT_PER_SECOND (lib/api/api-rate-limit.ts). */
  rateLimit: number | null;
  /** The permissions the key was given when it was made; null = full access (keys made before scopes existed). */
  scopes: Permission[] | null;
  /** Its account is suspended: every call is refused (withApiKey) until a partner admin resumes it. */
  suspended: boolean;
  /** Who made it (null: seeded): partner-wide routes reach only the accounts this person holds now. */
  createdById: string | null;
};

/** Reads a key's stored scopes: null stays null (full access), anything else is a permission list. */
export function parseScopes(value: unknown): Permission[] | null {
  return value === null || value === undefined ? null : parsePermissions(value);
}

// Writing lastUsedAt on every call would put a write on every read; once a minute is enough to answer
// "is this key still in use?".
const LAST_USED_RESOLUTION_MS = 60_000;

// A busy integration calls many times a second; looking its key up once per second instead of once
// per call takes two queries off every request. Revocation in this process clears the entry at once;
// another process sees it within AUTH_CACHE_MS.
const AUTH_CACHE_MS = 1_000;
// On globalThis: Next bundles route handlers and server actions separately, and a revoke in one must
// clear the entry the other reads.
const g = globalThis as unknown as { parleyApiKeyCache?: Map<string, { principal: ApiKeyPrincipal; until: number }> };
const authCache = (g.parleyApiKeyCache ??= new Map());

export async function authenticateApiKey(db: Db, header: string | null): Promise<ApiKeyPrincipal | null> {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) return null;
  const hash = hashApiKey(match[1]);
  const now = Date.now();
  const cached = authCache.get(hash);
  if (cached && cached.until > now) return cached.principal;
  const key = await db.apiKey.findUnique({ where: { hash }, include: { account: true } });
  if (!key || key.revokedAt) {
    authCache.delete(hash);
    return null;
  }
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } });
  }
  const principal: ApiKeyPrincipal = {
    keyId: key.id,
    accountId: key.accountId,
    partnerId: key.account.partnerId,
    name: key.name,
    prefix: key.prefix,
    rateLimit: key.rateLimit,
    scopes: parseScopes(key.scopes),
    suspended: !!key.account.suspendedAt,
    createdById: key.createdById,
  };
  if (authCache.size > 10_000) authCache.clear();
  authCache.set(hash, { principal, until: now + AUTH_CACHE_MS });
  return principal;
}

/** Looks the account's keys up again on their next call (its suspension changed). */
export function forgetAccountKeys(accountId: string): void {
  for (const [hash, entry] of authCache) if (entry.principal.accountId === accountId) authCache.delete(hash);
}
