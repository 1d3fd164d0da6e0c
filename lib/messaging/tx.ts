import type { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/client';

/** A Prisma client or a transaction client: domain helpers that must join a transaction take this. */
export type Tx = Prisma.TransactionClient | Db;
