import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createUserWithPermissions, seedDemoTenant } from '@/test/factories';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { addSimulatorPhone } from '@/lib/simulator/add-simulator-phone';
import { listSimulatorPhones } from '@/lib/simulator/list-simulator-phones';
import { removeSimulatorPhone } from '@/lib/simulator/remove-simulator-phone';
import { DEFAULT_SIMULATOR_PHONE, MAX_SIMULATOR_PHONES } from '@/lib/simulator/simulator-phones';

describe('Simulator phones, kept per user and account', () => {
  let me: { userId: string; accountId: string };
  let colleague: { userId: string; accountId: string };
  beforeAll(async () => {
    await seedDemoTenant();
    me = { userId: (await createUserWithPermissions(['simulator.use'])).id, accountId: 'acme_corp' };
    colleague = { userId: (await createUserWithPermissions(['simulator.use'])).id, accountId: 'acme_corp' };
  });

  it('shows the default phone until one is added, then keeps both, in order, for this user only', async () => {
    expect(await listSimulatorPhones(db, me)).toEqual([DEFAULT_SIMULATOR_PHONE]);
    expect(await addSimulatorPhone(db, me, '+1 (555) 765-4321')).toEqual([DEFAULT_SIMULATOR_PHONE, '+15557654321']);
    expect(await addSimulatorPhone(db, me, '+447700900123')).toEqual([DEFAULT_SIMULATOR_PHONE, '+15557654321', '+447700900123']);
    // Another browser of mine reads the same list; a colleague and another account do not.
    expect(await listSimulatorPhones(db, me)).toEqual([DEFAULT_SIMULATOR_PHONE, '+15557654321', '+447700900123']);
    expect(await listSimulatorPhones(db, colleague)).toEqual([DEFAULT_SIMULATOR_PHONE]);
    expect(await listSimulatorPhones(db, { ...me, accountId: 'other_account' })).toEqual([DEFAULT_SIMULATOR_PHONE]);
  });

  it('removes a phone, never the last one', async () => {
    expect(await removeSimulatorPhone(db, me, DEFAULT_SIMULATOR_PHONE)).toEqual(['+15557654321', '+447700900123']);
    expect(await removeSimulatorPhone(db, me, '+15557654321')).toEqual(['+447700900123']);
    await expect(removeSimulatorPhone(db, me, '+447700900123')).rejects.toBeInstanceOf(ConflictError);
    await expect(removeSimulatorPhone(db, me, '+15550000001')).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeSimulatorPhone(db, colleague, DEFAULT_SIMULATOR_PHONE)).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a number that is not E.164, one already there, and more than the limit', async () => {
    await expect(addSimulatorPhone(db, colleague, '12')).rejects.toBeInstanceOf(ValidationError);
    await expect(addSimulatorPhone(db, colleague, DEFAULT_SIMULATOR_PHONE)).rejects.toBeInstanceOf(ConflictError);
    for (let k = 1; k < MAX_SIMULATOR_PHONES; k++) await addSimulatorPhone(db, colleague, `+1555000${String(k).padStart(4, '0')}`);
    await expect(addSimulatorPhone(db, colleague, '+15559999999')).rejects.toThrow(/at most/);
    expect(await listSimulatorPhones(db, colleague)).toHaveLength(MAX_SIMULATOR_PHONES);
  });
});
