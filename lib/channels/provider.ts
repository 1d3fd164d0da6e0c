// A channel provider takes an outbound message and reports what happened to it. The sandbox answers
// with a schedule of receipts; a carrier (8x8) submits over HTTP and answers with its own message id,
// its receipts arriving later through its webhook (lib/channels/eightbyeight) and applyStatus.

export type OutboundForProvider = {
  umid: string;
  channel: string;
  msisdn: string;
  type: string;
  content: unknown;
};

/** The channel a message leaves on, as the outbox read it (credentials decrypted, null for the sandbox). */
export type ChannelForProvider = {
  id: string;
  accountId: string;
  kind: string;
  address: string;
  provider: string;
  /** The account's platform region (lib/channels/regions.ts). */
  region: string;
  credentials: unknown;
};

export type ProviderReceipt = {
  state: 'sent' | 'delivered' | 'read' | 'undelivered' | 'rejected';
  /** How long after hand-off the receipt arrives. */
  afterMs: number;
  detail?: string;
  errorCode?: number;
  errorMessage?: string;
};

export type ProviderAnswer = {
  receipts: ProviderReceipt[];
  /** The carrier's own id for the message (8x8's umid), which its webhooks name. */
  carrierId?: string;
};

/** The carrier could not take the message now (429, 5xx, a timeout, a dropped connection): try again later. */
export class RetryableProviderError extends Error {
  constructor(
    message: string,
    /** The carrier's Retry-After, when it said one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableProviderError';
  }
}

/** The carrier refused the message for good (a bad number, an unknown template, bad credentials). */
export class PermanentProviderError extends Error {
  constructor(
    message: string,
    readonly state: 'rejected' | 'undelivered' = 'rejected',
    readonly errorCode?: number,
    readonly detail = 'rejected_by_platform',
  ) {
    super(message);
    this.name = 'PermanentProviderError';
  }
}

/** A template as submitted for review (the reference creation payload). */
export type TemplateForProvider = { name: string; language: string; category: string; components: unknown };

export interface ChannelProvider {
  readonly name: string;
  /**
   * Hands the message over. Throws RetryableProviderError or PermanentProviderError; anything else
   * thrown is treated as retryable. `signal` ends a call that takes too long.
   */
  send(message: OutboundForProvider, channel: ChannelForProvider | null, signal?: AbortSignal): Promise<ProviderAnswer>;
  /**
   * Submits a template to the carrier's review; its decision arrives later (template_status_update).
   * Absent for the sandbox, whose simulated reviewer decides (lib/templates/review-pending-templates.ts).
   */
  submitTemplate?(template: TemplateForProvider, channel: ChannelForProvider, signal?: AbortSignal): Promise<{ carrierTemplateId?: string }>;
}
