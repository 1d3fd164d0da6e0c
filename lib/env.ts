import { z } from 'zod';

// The one place that reads process.env: everything else imports `env`.
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default('file:./data/parley.db')
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with file: (SQLite) or postgres:// (PostgreSQL)',
    }),
  // PostgreSQL only: connections each process keeps (Prisma's pool and Parley's own SQL pool each get
  // this many) and how long one statement may run before PostgreSQL cancels it (the caller answers
  // "busy, try again" rather than holding a connection for ever).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_URL: z.string().url().optional(),
  SEED_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SEED_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALLOW_PRIVATE_NETWORK: bool,
  // When false the web process does not run background work (for deployments with `npm run worker`).
  RUN_WORKER_IN_WEB: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  SANDBOX_TEMPLATE_REVIEW_MS: z.coerce.number().int().min(0).default(1500),
  // How often WhatsApp's automatic messaging-limit upgrade is checked (lib/messaging/messaging-tier-task.ts).
  MESSAGING_TIER_CHECK_MS: z.coerce.number().int().min(1000).default(300_000),
  SCRIPT_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  // REST API calls per second one key may make (lib/api/api-rate-limit.ts; a key's own rateLimit
  // overrides it). Above what one process serves (~1,300 sends/s over HTTP), so the default never
  // throttles a single integration on one machine; it stops a runaway client of a cheap endpoint.
  API_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).default(2000),
  // Automation runner: steps one instance may run, how long a runner holds an instance before another
  // may take it over (crash recovery), and how long finished instances are kept.
  AUTOMATION_MAX_STEPS: z.coerce.number().int().min(1).default(1000),
  AUTOMATION_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
  AUTOMATION_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  // Sign-in throttling (lib/auth/login-throttle.ts): failures allowed per client address and per email
  // before each further attempt must wait a doubling delay, capped per address and (low, so an
  // attacker cannot lock the owner out) per email.
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_FREE_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_DELAY_ADDRESS_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  LOGIN_MAX_DELAY_EMAIL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Take the client address from X-Forwarded-For (its last entry, the one the proxy appended). Only
  // behind a reverse proxy that sets that header: otherwise any client could pick its own address.
  TRUST_PROXY: bool,
  // 32 bytes (base64, base64url or 64 hex digits) that encrypt channel credentials at rest
  // (lib/crypto/secret-box.ts). `npm start` writes a random one to data/.credentials-key on first start.
  CREDENTIALS_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const bytes = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64url');
      if (bytes.length !== 32) {
        ctx.addIssue({ code: 'custom', message: 'must be 32 bytes, as base64 or 64 hex digits (openssl rand -base64 32)' });
        return z.NEVER;
      }
      return bytes;
    }),
  // Replaces every 8x8 regional base URL (lib/channels/regions.ts): for tests against a local server.
  PARLEY_8X8_BASE_URL: z.string().url().optional(),
  // Outgoing mail for invitations and password resets (lib/email). Without SMTP_URL the one-time link
  // is shown on screen instead. smtp://user:pass@host:587 or smtps://… for TLS from the first byte.
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^smtps?:\/\//.test(v), { message: 'must start with smtp:// or smtps://' }),
  SMTP_FROM: z.string().default('Parley <no-reply@parley.local>'),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
