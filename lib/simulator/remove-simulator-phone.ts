import type { Db } from '@/lib/db/client';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { transactWithRetry } from '@/lib/db/retry-when-busy';
import { listSimulatorPhones } from '@/lib/simulator/list-simulator-phones';
import type { SimulatorPhoneOwner } from '@/lib/simulator/simulator-phones';

/** Takes a phone off the user's Simulator (its conversation stays in the Logs); the last one stays. */
export async function removeSimulatorPhone(db: Db, owner: SimulatorPhoneOwner, msisdn: string): Promise<string[]> {
  await transactWithRetry(db, async (tx) => {
    const shown = await listSimulatorPhones(tx, owner);
    if (!shown.includes(msisdn)) throw new NotFoundError(`${msisdn} is not on the Simulator`);
    if (shown.length === 1) throw new ConflictError('The Simulator keeps at least one phone');
    await tx.simulatorPhone.deleteMany({ where: { ...owner, msisdn } });
  });
  return listSimulatorPhones(db, owner);
}
