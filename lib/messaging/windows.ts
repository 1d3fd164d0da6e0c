import { readDateOrNull, sqlDate } from '@/lib/db/sql';
import { lockConversation } from '@/lib/db/tx-locks';
import type { Step, Tx } from '@/lib/db/tx';
import { inList } from '@/lib/db/in-list';

// WhatsApp conversation windows (reference "Concepts & Fundamentals"):
// - the 24 h customer service window (CSW) opens and refreshes on every inbound message;
// - the 72 h free entry point (FEP): an inbound from an ad / page CTA lets the business's first reply
//   within 24 h open a fixed 72 h window (it does not reset).
// These run inside the caller's write transaction (lib/db/tx.ts).

export const CSW_MS = 24 * 3600_000;
export const FEP_ACTIVATION_MS = 24 * 3600_000;
export const FEP_MS = 72 * 3600_000;

export type WindowState = { cswExpiresAt: Date | null; fepEligibleUntil: Date | null; fepExpiresAt: Date | null };

type WindowRow = { cswExpiresAt: string | null; fepEligibleUntil: string | null; fepExpiresAt: string | null };

export function* readWindow(t: Tx, subAccountId: string, msisdn: string): Step<WindowState | null> {
  const r = yield* t.one<WindowRow>(
    'SELECT "cswExpiresAt", "fepEligibleUntil", "fepExpiresAt" FROM "ConversationWindow" WHERE "subAccountId" = ? AND "msisdn" = ?',
    subAccountId,
    msisdn,
  );
  return r ? windowOf(r) : null;
}

/** readWindow for a batch: the windows of those of `msisdns` that have one, by number. */
export function* readWindows(t: Tx, subAccountId: string, msisdns: readonly string[]): Step<Map<string, WindowState>> {
  const list = inList(t, msisdns);
  const rows = yield* t.all<WindowRow & { msisdn: string }>(
    `SELECT "msisdn", "cswExpiresAt", "fepEligibleUntil", "fepExpiresAt" FROM "ConversationWindow" WHERE "subAccountId" = ? AND "msisdn" ${list.sql}`,
    subAccountId,
    list.param,
  );
  return new Map(rows.map((r) => [r.msisdn, windowOf(r)]));
}

const windowOf = (r: WindowRow): WindowState => ({
  cswExpiresAt: readDateOrNull(r.cswExpiresAt),
  fepEligibleUntil: readDateOrNull(r.fepEligibleUntil),
  fepExpiresAt: readDateOrNull(r.fepExpiresAt),
});

export function isCswOpen(w: WindowState | null, at: Date): boolean {
  return !!w?.cswExpiresAt && w.cswExpiresAt.getTime() > at.getTime();
}

export function isFepOpen(w: WindowState | null, at: Date): boolean {
  return !!w?.fepExpiresAt && w.fepExpiresAt.getTime() > at.getTime();
}

const nullableDate = (d: Date | null) => (d ? sqlDate(d) : null);

/**
 * An inbound message: (re)opens the CSW; a referral makes the next reply within 24 h open the FEP.
 * `current` is the window as the caller read it (readWindow) under the conversation's lock, so it is
 * still the window.
 */
export function* touchWindowOnInbound(
  t: Tx,
  args: { subAccountId: string; msisdn: string; at: Date; referral: boolean; current: WindowState | null },
): Step<void> {
  const csw = new Date(args.at.getTime() + CSW_MS);
  const current = args.current;
  // An older message arriving late (a backdated timestamp) must not shorten a window a newer one opened.
  const cswExpiresAt = current?.cswExpiresAt && current.cswExpiresAt > csw ? current.cswExpiresAt : csw;
  const fepEligibleUntil =
    args.referral && !isFepOpen(current, args.at) ? new Date(args.at.getTime() + FEP_ACTIVATION_MS) : (current?.fepEligibleUntil ?? null);
  yield* t.run(
    `INSERT INTO "ConversationWindow" ("subAccountId", "msisdn", "cswExpiresAt", "fepEligibleUntil", "fepExpiresAt", "updatedAt") VALUES (?, ?, ?, ?, NULL, ?)
     ON CONFLICT ("subAccountId", "msisdn") DO UPDATE SET "cswExpiresAt" = excluded."cswExpiresAt", "fepEligibleUntil" = excluded."fepEligibleUntil", "updatedAt" = excluded."updatedAt"`,
    args.subAccountId,
    args.msisdn,
    sqlDate(cswExpiresAt),
    nullableDate(fepEligibleUntil),
    sqlDate(new Date()),
  );
}

/** A business message was delivered: if an ad/page referral is waiting for its first reply, the FEP opens now. */
export function* openFepOnDelivery(t: Tx, args: { subAccountId: string; msisdn: string; at: Date }): Step<WindowState | null> {
  const opens = (w: WindowState | null): w is WindowState =>
    !!w?.fepEligibleUntil && w.fepEligibleUntil.getTime() >= args.at.getTime() && !isFepOpen(w, args.at);
  let w = yield* readWindow(t, args.subAccountId, args.msisdn);
  if (!opens(w)) return w;
  // Only a delivery that changes the window waits for the conversation (lib/db/tx.ts, LOCKING): most
  // change nothing, and a receipt batch holding every conversation it touches would hold up their replies.
  yield* lockConversation(t, args.subAccountId, args.msisdn);
  w = yield* readWindow(t, args.subAccountId, args.msisdn);
  if (!opens(w)) return w;
  const next = { ...w, fepEligibleUntil: null, fepExpiresAt: new Date(args.at.getTime() + FEP_MS) };
  yield* t.run(
    'UPDATE "ConversationWindow" SET "fepEligibleUntil" = NULL, "fepExpiresAt" = ?, "updatedAt" = ? WHERE "subAccountId" = ? AND "msisdn" = ?',
    sqlDate(next.fepExpiresAt),
    sqlDate(new Date()),
    args.subAccountId,
    args.msisdn,
  );
  return next;
}
