import type { Db } from '@/lib/db/client';
import { DEFAULT_SIMULATOR_PHONE, type SimulatorPhoneOwner } from '@/lib/simulator/simulator-phones';

/** The user's Simulator phones in this account, in the order they were added; the default one until they add one. */
export async function listSimulatorPhones(db: Pick<Db, 'simulatorPhone'>, owner: SimulatorPhoneOwner): Promise<string[]> {
  const rows = await db.simulatorPhone.findMany({
    where: { userId: owner.userId, accountId: owner.accountId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { msisdn: true },
  });
  return rows.length ? rows.map((r) => r.msisdn) : [DEFAULT_SIMULATOR_PHONE];
}
