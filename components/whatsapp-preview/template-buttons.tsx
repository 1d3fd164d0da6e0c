'use client';
import * as React from 'react';
import { Copy, ExternalLink, List, Phone, Reply } from 'lucide-react';
import type { RenderedButton } from '@/lib/templates/render-template';
import { useWaColors } from '@/components/whatsapp-preview/wa-theme';

const ICONS = { QUICK_REPLY: Reply, URL: ExternalLink, PHONE_NUMBER: Phone, COPY_CODE: Copy, OTP: Copy } as const;

/** One button row under a template bubble: blue text with its icon, like the phone shows it. */
export function TemplateButtonRow({
  button,
  onClick,
  icon,
}: {
  button: Pick<RenderedButton, 'type' | 'text'> & Partial<RenderedButton>;
  onClick?: () => void;
  icon?: React.ComponentType<{ className?: string }>;
}) {
  const c = useWaColors();
  const Icon = icon ?? ICONS[button.type] ?? Reply;
  return (
    <button
      type="button"
      data-testid="wa-button"
      title={button.url ?? button.phoneNumber ?? button.code ?? undefined}
      onClick={onClick}
      className="flex w-full items-center justify-center gap-1.5 px-3 py-2 text-[14px] font-medium"
      style={{ background: c.received, color: c.button }}
    >
      <Icon className="size-4 shrink-0" aria-hidden />
      <span className="truncate">{button.text || ' '}</span>
    </button>
  );
}

/**
 * The button rows under a bubble. WhatsApp shows at most three; with more, the first two and a
 * "See all options" row that opens the full list.
 */
export function TemplateButtons({ buttons, className }: { buttons: RenderedButton[]; className?: string }) {
  const c = useWaColors();
  const [open, setOpen] = React.useState(false);
  if (!buttons.length) return null;
  const shown = buttons.length > 3 && !open ? buttons.slice(0, 2) : buttons;
  return (
    <div className={`flex flex-col overflow-hidden rounded-lg shadow-sm ${className ?? ''}`} style={{ gap: 1, background: c.divider }}>
      {shown.map((b, i) => (
        <TemplateButtonRow key={i} button={b} />
      ))}
      {buttons.length > 3 && !open && <TemplateButtonRow button={{ type: 'QUICK_REPLY', text: 'See all options' }} icon={List} onClick={() => setOpen(true)} />}
    </div>
  );
}
