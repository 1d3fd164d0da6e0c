'use client';
import * as React from 'react';
import { FileText, ImageIcon, MapPin, Play } from 'lucide-react';
import type { RenderedCard, RenderedHeader, RenderedTemplate } from '@/lib/templates/render-template';
import { formatWhatsAppText } from '@/components/whatsapp-preview/format-whatsapp-text';
import { TemplateButtons } from '@/components/whatsapp-preview/template-buttons';
import { BubbleTime } from '@/components/whatsapp-preview/text-bubble';
import { useWaColors } from '@/components/whatsapp-preview/wa-theme';

/**
 * A template message as the customer receives it: a bubble on the left with the header (media or a
 * placeholder), the formatted body, the grey footer and the time; the buttons under it; carousel
 * cards scrolling sideways below.
 */
export function TemplateBubble({ rendered, time = '09:41', status }: { rendered: RenderedTemplate; time?: string; status?: React.ReactNode }) {
  const c = useWaColors();
  return (
    <div className="flex flex-col gap-1.5" data-testid="wa-template">
      <div className="flex max-w-[85%] flex-col gap-[1px]">
        <div
          className="overflow-hidden rounded-lg rounded-tl-none shadow-sm"
          style={{ background: c.received, color: c.text }}
          data-testid="wa-bubble-business"
        >
          {rendered.header && <HeaderView header={rendered.header} />}
          <div className="px-2 pt-1.5 pb-1">
            {rendered.header?.format === 'TEXT' && rendered.header.text && (
              <div className="mb-1 font-semibold [overflow-wrap:anywhere]" data-testid="wa-header-text">
                {rendered.header.text}
              </div>
            )}
            <div className="[overflow-wrap:anywhere]" data-testid="wa-body">
              {formatWhatsAppText(rendered.body)}
            </div>
            {rendered.footer && (
              <div className="mt-1 text-[13px] [overflow-wrap:anywhere]" style={{ color: c.time }} data-testid="wa-footer">
                {rendered.footer}
              </div>
            )}
            <BubbleTime time={time} status={status} />
          </div>
        </div>
        <TemplateButtons buttons={rendered.buttons} />
      </div>
      {rendered.cards.length > 0 && <CarouselView cards={rendered.cards} />}
    </div>
  );
}

function CarouselView({ cards }: { cards: RenderedCard[] }) {
  const c = useWaColors();
  return (
    <div className="-mx-3 flex snap-x snap-mandatory gap-2 overflow-x-auto px-3 pb-1" data-testid="wa-carousel">
      {cards.map((card, i) => (
        <div key={i} className="flex w-[230px] shrink-0 snap-start flex-col gap-[1px]" data-testid="wa-card">
          <div className="overflow-hidden rounded-lg shadow-sm" style={{ background: c.received, color: c.text }}>
            {card.header && <HeaderView header={card.header} />}
            <div className="px-2 pt-1.5 pb-2 [overflow-wrap:anywhere]">{formatWhatsAppText(card.body)}</div>
          </div>
          <TemplateButtons buttons={card.buttons} />
        </div>
      ))}
    </div>
  );
}

/** Media shows the sample or sent file when it loads, otherwise a placeholder of its kind. */
function HeaderView({ header }: { header: RenderedHeader }) {
  const c = useWaColors();
  const [broken, setBroken] = React.useState(false);
  const url = header.mediaUrl;
  React.useEffect(() => setBroken(false), [url]);
  if (header.format === 'TEXT') return null;
  const box = 'mx-1 mt-1 flex items-center justify-center overflow-hidden rounded-md';
  if (header.format === 'IMAGE') {
    return url && !broken ? (
      // eslint-disable-next-line @next/next/no-img-element -- arbitrary customer media URLs
      <img
        src={url}
        alt=""
        className={`${box} aspect-[1.91/1] w-[calc(100%-0.5rem)] object-cover`}
        onError={() => setBroken(true)}
        data-testid="wa-header-image"
      />
    ) : (
      <div className={`${box} aspect-[1.91/1]`} style={{ background: c.placeholder }} data-testid="wa-header-placeholder">
        <ImageIcon className="size-10 opacity-60" aria-label="Image" />
      </div>
    );
  }
  if (header.format === 'VIDEO') {
    return (
      <div className={`${box} aspect-video`} style={{ background: c.placeholder }} data-testid="wa-header-placeholder">
        <span className="flex size-12 items-center justify-center rounded-full bg-black/45 text-white">
          <Play className="size-6 fill-current" aria-label="Video" />
        </span>
      </div>
    );
  }
  if (header.format === 'DOCUMENT') {
    const name = url ? decodeURIComponent(url.split('/').pop() || 'document.pdf') : 'document.pdf';
    return (
      <div className="mx-1 mt-1 flex items-center gap-2 rounded-md px-2 py-3" style={{ background: c.placeholder }} data-testid="wa-header-placeholder">
        <FileText className="size-8 shrink-0 text-red-500" aria-hidden />
        <div className="min-w-0">
          <div className="truncate text-[13px] font-medium">{name}</div>
          <div className="text-[11px] opacity-70">PDF · Document</div>
        </div>
      </div>
    );
  }
  const loc = header.location;
  return (
    <div className="mx-1 mt-1 overflow-hidden rounded-md" style={{ background: c.placeholder }} data-testid="wa-header-placeholder">
      <div className="flex aspect-[2/1] items-center justify-center bg-[repeating-linear-gradient(45deg,transparent_0_12px,rgba(0,0,0,0.04)_12px_24px)]">
        <MapPin className="size-9 fill-red-500 text-red-700" aria-label="Location" />
      </div>
      {loc && (loc.name || loc.address) && (
        <div className="px-2 py-1.5 text-[13px]">
          {loc.name && <div className="font-medium">{loc.name}</div>}
          {loc.address && <div className="opacity-70">{loc.address}</div>}
        </div>
      )}
    </div>
  );
}
