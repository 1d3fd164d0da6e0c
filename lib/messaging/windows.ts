import type { Tx } from '@/lib/messaging/tx';

// WhatsApp conversation windows (reference "Concepts & Fundamentals"):
// - the 24 h customer service window (CSW) opens and refreshes on every inbound message;
// - the 72 h free entry point (FEP): an inbound from an ad / page CTA lets the business's first reply
//   within 24 h open a fixed 72 h window (it does not reset).

export const CSW_MS = 24 * 3600_000;
export const FEP_ACTIVATION_MS = 24 * 3600_000;
export const FEP_MS = 72 * 3600_000;

export type WindowState = { cswExpiresAt: Date | null; fepEligibleUntil: Date | null; fepExpiresAt: Date | null };

export async function readWindow(tx: Tx, subAccountId: string, msisdn: string): Promise<WindowState | null> {
  return tx.conversationWindow.findUnique({
    where: { subAccountId_msisdn: { subAccountId, msisdn } },
    select: { cswExpiresAt: true, fepEligibleUntil: true, fepExpiresAt: true },
  });
}

export function isCswOpen(w: WindowState | null, at: Date): boolean {
  return !!w?.cswExpiresAt && w.cswExpiresAt.getTime() > at.getTime();
}

export function isFepOpen(w: WindowState | null, at: Date): boolean {
  return !!w?.fepExpiresAt && w.fepExpiresAt.getTime() > at.getTime();
}

/** An inbound message: (re)opens the CSW; a referral makes the next reply within 24 h open the FEP. */
export async function touchWindowOnInbound(tx: Tx, args: { subAccountId: string; msisdn: string; at: Date; referral: boolean }): Promise<void> {
  const csw = new Date(args.at.getTime() + CSW_MS);
  const current = await readWindow(tx, args.subAccountId, args.msisdn);
  const fepEligibleUntil = args.referral && !isFepOpen(current, args.at) ? new Date(args.at.getTime() + FEP_ACTIVATION_MS) : current?.fepEligibleUntil ?? null;
  await tx.conversationWindow.upsert({
    where: { subAccountId_msisdn: { subAccountId: args.subAccountId, msisdn: args.msisdn } },
    create: { subAccountId: args.subAccountId, msisdn: args.msisdn, cswExpiresAt: csw, fepEligibleUntil },
    update: { cswExpiresAt: csw, fepEligibleUntil },
  });
}

/** A business message was delivered: if an ad/page referral is waiting for its first reply, the FEP opens now. */
export async function openFepOnDelivery(tx: Tx, args: { subAccountId: string; msisdn: string; at: Date }): Promise<WindowState | null> {
  const w = await readWindow(tx, args.subAccountId, args.msisdn);
  if (!w?.fepEligibleUntil || w.fepEligibleUntil.getTime() < args.at.getTime() || isFepOpen(w, args.at)) return w;
  const next = { ...w, fepEligibleUntil: null, fepExpiresAt: new Date(args.at.getTime() + FEP_MS) };
  await tx.conversationWindow.update({
    where: { subAccountId_msisdn: { subAccountId: args.subAccountId, msisdn: args.msisdn } },
    data: { fepEligibleUntil: null, fepExpiresAt: next.fepExpiresAt },
  });
  return next;
}
