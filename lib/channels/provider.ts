// A channel provider takes an outbound message and reports what happened to it. The sandbox answers
// with a schedule of receipts; a real carrier adapter would submit over HTTP and return [] (its receipts
// then arrive through its own inbound webhook and lib/messaging applyStatus).

export type OutboundForProvider = {
  umid: string;
  channel: string;
  msisdn: string;
  type: string;
  content: unknown;
};

export type ProviderReceipt = {
  state: 'sent' | 'delivered' | 'read' | 'undelivered' | 'rejected';
  /** How long after hand-off the receipt arrives. */
  afterMs: number;
  detail?: string;
  errorCode?: number;
  errorMessage?: string;
};

export interface ChannelProvider {
  readonly name: string;
  send(message: OutboundForProvider): Promise<ProviderReceipt[]>;
}
