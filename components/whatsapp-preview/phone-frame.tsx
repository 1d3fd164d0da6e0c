'use client';
import type * as React from 'react';
import { ArrowLeft, MoreVertical, Phone, Video } from 'lucide-react';
import { WA_COLORS, WaThemeProvider, type WaTheme } from '@/components/whatsapp-preview/wa-theme';

/** A phone showing a WhatsApp chat: the business's name in the top bar, the chat wallpaper below. */
export function PhoneFrame({
  theme,
  children,
  title = 'Business',
  className,
}: {
  theme: WaTheme;
  children?: React.ReactNode;
  title?: string;
  className?: string;
}) {
  const c = WA_COLORS[theme];
  return (
    <WaThemeProvider value={theme}>
      <div
        data-testid="phone-frame"
        data-theme={theme}
        className={`mx-auto flex w-full max-w-[360px] flex-col overflow-hidden rounded-[2rem] border-[10px] border-neutral-900 shadow-xl ${className ?? ''}`}
        style={{ background: c.wallpaper, color: c.text }}
      >
        <div className="flex items-center gap-2 px-3 py-2.5" style={{ background: c.bar, color: c.barText }}>
          <ArrowLeft className="size-4 shrink-0" aria-hidden />
          <div className="flex size-8 shrink-0 items-center justify-center rounded-full bg-white/25 text-sm font-semibold" aria-hidden>
            {title.slice(0, 1).toUpperCase()}
          </div>
          <div className="min-w-0 flex-1">
            <div className="truncate text-sm font-semibold">{title}</div>
            <div className="text-[11px] opacity-80">Business account</div>
          </div>
          <Video className="size-4 shrink-0" aria-hidden />
          <Phone className="size-4 shrink-0" aria-hidden />
          <MoreVertical className="size-4 shrink-0" aria-hidden />
        </div>
        <div className="flex min-h-[420px] flex-1 flex-col gap-1.5 overflow-y-auto px-3 py-4 text-[14.2px] leading-[19px]">{children}</div>
      </div>
    </WaThemeProvider>
  );
}
