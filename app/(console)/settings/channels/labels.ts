export const kindLabel = (kind: string) => (kind === 'whatsapp' ? 'WhatsApp' : kind === 'sms' ? 'SMS' : kind === 'voice' ? 'Voice' : kind);
export const providerLabel = (provider: string) => (provider === '8x8' ? '8x8' : provider === 'sandbox' ? 'Sandbox' : provider);
