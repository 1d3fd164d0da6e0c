import type { Db } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import { transactWithRetry } from '@/lib/db/retry-when-busy';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { listSimulatorPhones } from '@/lib/simulator/list-simulator-phones';
import { MAX_SIMULATOR_PHONES, type SimulatorPhoneOwner } from '@/lib/simulator/simulator-phones';

/**
 * Adds a customer phone to the user's Simulator and returns the phones now on it. The first phone a
 * user adds is stored with the default one they were looking at, so adding never takes a phone away.
 */
export async function addSimulatorPhone(db: Db, owner: SimulatorPhoneOwner, rawMsisdn: string): Promise<string[]> {
  const msisdn = parseMsisdn(rawMsisdn, 'msisdn').e164;
  await transactWithRetry(db, async (tx) => {
    const shown = await listSimulatorPhones(tx, owner);
    if (shown.includes(msisdn)) throw new ConflictError(`${msisdn} is already on the Simulator`);
    if (shown.length >= MAX_SIMULATOR_PHONES) throw new ConflictError(`The Simulator holds at most ${MAX_SIMULATOR_PHONES} phones: remove one first`);
    const stored = await tx.simulatorPhone.count({ where: owner });
    const now = Date.now();
    const add = stored ? [msisdn] : [...shown, msisdn];
    // Distinct times keep the order they were added in.
    for (const [k, n] of add.entries()) await tx.simulatorPhone.create({ data: { ...owner, msisdn: n, createdAt: new Date(now + k) } });
  });
  return listSimulatorPhones(db, owner);
}
