import type { Prisma } from '@/lib/db/generated/client';

/** A Prisma interactive-transaction client: partner changes run inside one so the checks and the audit record commit together. */
export type Tx = Prisma.TransactionClient;
