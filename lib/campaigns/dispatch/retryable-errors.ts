// Which failed recipients "retry failed" sends again. Only a failure that a later attempt can undo is
// retried: sending again after a permanent refusal spends the messaging-limit tier and money on a
// message that fails the same way (or, for an opt-out, goes against the customer's own wish). An
// unknown code is not retried, for the same reason; add it here once it is known to be transient.

/** Codes a later attempt can succeed after, each with why. */
export const RETRYABLE_ERROR_CODES: ReadonlyArray<{ code: number; why: string }> = [
  // The phone is off or out of coverage: the network may reach it later (the sandbox: numbers ending 0000).
  { code: 1003, why: 'Unreachable destination: the handset may be reachable later' },
  // WhatsApp's throughput limit for the number was hit: the same message goes through once the rate falls.
  { code: 130429, why: 'Rate limit hit: a later attempt at a lower rate goes through' },
  // WhatsApp's "something went wrong": an internal error on their side, not a problem with the message.
  { code: 131000, why: 'Generic provider error: not caused by the message itself' },
  // WhatsApp's service was briefly unavailable.
  { code: 131016, why: 'Service unavailable: temporary on the provider side' },
];

/** Codes that fail the same way every time, each with why (kept for the page and for review). */
export const NOT_RETRYABLE_ERROR_CODES: ReadonlyArray<{ code: number; why: string }> = [
  // The customer stopped marketing messages: sending again would go against their choice (the recipient is skipped, not failed).
  { code: 131050, why: 'Opted out of marketing messages: retrying would ignore the customer' },
  // The template is gone or no longer approved, or the values do not fit it: the same payload fails again.
  { code: 3038, why: 'Template not found or not approved: the same send fails again' },
  { code: 3040, why: 'Empty template parameter: the same values fail again' },
  { code: 3041, why: 'Invalid template parameter: the same values fail again' },
  // Not a valid phone number: no attempt can reach it.
  { code: 1002, why: 'Invalid MSISDN: no attempt can reach it' },
  // Not on WhatsApp, or has not accepted its terms: nothing changes until the customer does something.
  { code: 131026, why: 'Message undeliverable: the number cannot receive WhatsApp messages' },
];

const RETRYABLE = new Set(RETRYABLE_ERROR_CODES.map((c) => c.code));

/**
 * Whether a failed recipient may be sent again. No code at all is a provider or network failure that
 * came without a receipt (the outbox gave up after its retries): transient by nature, so retryable.
 */
export function isRetryableError(errorCode: number | null | undefined): boolean {
  return errorCode == null || RETRYABLE.has(errorCode);
}

/** The same rule as SQL on CampaignRecipient ("errorCode"). */
export const RETRYABLE_SQL = `("errorCode" IS NULL OR "errorCode" IN (${[...RETRYABLE].join(', ')}))`;
