import type { ApiMessage } from '@/lib/messaging/message-view';

/** A one-line summary of what the message said. */
type Content = { text?: unknown; url?: unknown; dtmf?: unknown; template?: { name?: string }; interactive?: { body?: { text?: string } } };

export function summarize(m: Pick<ApiMessage, 'type' | 'content' | 'templateName'>): string {
  const c = (m.content ?? {}) as Content;
  if (m.type === 'template') return `Template ${m.templateName ?? c.template?.name ?? ''}`;
  if (m.type === 'interactive') return c.interactive?.body?.text ?? 'Interactive message';
  if (m.type === 'dtmf') return `Pressed ${c.dtmf}`;
  if (typeof c.text === 'string') return c.text;
  if (typeof c.url === 'string') return `${m.type}: ${c.url}`;
  return m.type;
}

export const STATUS_TONE: Record<string, 'success' | 'danger' | 'warning' | 'info' | 'neutral'> = {
  read: 'success',
  delivered: 'success',
  sent: 'info',
  queued: 'neutral',
  received: 'info',
  undelivered: 'danger',
  rejected: 'danger',
};

export const CHANNEL_LABEL: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS', voice: 'Voice' };
