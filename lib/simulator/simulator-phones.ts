// The phones on a user's Simulator: which sandbox customers they watch, kept per user and account on
// the server (prisma/schema/simulator.prisma) so every browser they sign in from shows the same ones.
// They are the user's own screen, not the account's configuration: no audit entries.

/** What the Simulator shows a user who has not added a phone yet. */
export const DEFAULT_SIMULATOR_PHONE = '+15551234567';
/** Enough phones for a test with many customers; past this the row of phones is no use to a person. */
export const MAX_SIMULATOR_PHONES = 20;

export type SimulatorPhoneOwner = { userId: string; accountId: string };
