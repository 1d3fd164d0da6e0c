'use client';
import * as React from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { SendHorizontal, X } from 'lucide-react';
import type { ApiMessage } from '@/lib/messaging/message-view';
import { PhoneFrame } from '@/components/simulator/wa';
import { MessageView } from '@/components/simulator/message-view';
import type { ReplyChoice } from '@/components/simulator/interactive-bubble';

type Result<T> = { ok: true; data: T } | { ok: false; error: string };

export type SimulatorActions = {
  load: (input: { subAccountId: string; msisdn: string }) => Promise<Result<ApiMessage[]>>;
  reply: (input: {
    subAccountId: string;
    msisdn: string;
    channel: 'whatsapp' | 'sms';
    text: string;
    reply?: ReplyChoice;
    referral?: 'ad' | 'page_cta';
  }) => Promise<Result<{ umid: string }>>;
  press: (input: { subAccountId: string; msisdn: string; dtmf: string }) => Promise<Result<{ umid: string }>>;
};

/** One simulated customer's phone: the conversation (polled every second) and a composer. */
export function CustomerPhone({
  subAccountId,
  businessName,
  msisdn,
  actions,
  onRemove,
  extra,
}: {
  subAccountId: string;
  businessName: string;
  msisdn: string;
  actions: SimulatorActions;
  onRemove?: () => void;
  /** Beside the number, e.g. "Keep this phone" for a number opened from a link. */
  extra?: React.ReactNode;
}) {
  const queryClient = useQueryClient();
  const key = ['simulator', subAccountId, msisdn];
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: async () => {
      const r = await actions.load({ subAccountId, msisdn });
      if (!r.ok) throw new Error(r.error);
      return r.data;
    },
    refetchInterval: 1000,
    staleTime: 0,
  });
  const [text, setText] = React.useState('');
  const [channel, setChannel] = React.useState<'whatsapp' | 'sms'>('whatsapp');
  const [fromAd, setFromAd] = React.useState(false);
  const bottom = React.useRef<HTMLDivElement>(null);
  const phone = React.useRef<HTMLDivElement>(null);
  const below = React.useRef<HTMLDivElement>(null);
  const height = usePhoneHeight(phone, below);
  const count = data?.length ?? 0;
  // Scrolls the chat itself to its newest message. scrollIntoView also scrolled every ancestor: each
  // message arriving made the window jump down and the row of phones slide sideways, cutting the
  // first phone off while several customers were on screen.
  React.useEffect(() => {
    const chat = bottom.current?.parentElement;
    if (chat) chat.scrollTop = chat.scrollHeight;
  }, [count]);

  async function reply(body: string, choice?: ReplyChoice) {
    const r = await actions.reply({ subAccountId, msisdn, channel, text: body, reply: choice, referral: fromAd ? 'ad' : undefined });
    if (!r.ok) toast.error(r.error);
    else {
      setFromAd(false);
      await queryClient.invalidateQueries({ queryKey: key });
    }
  }
  async function press(dtmf: string) {
    const r = await actions.press({ subAccountId, msisdn, dtmf });
    if (!r.ok) toast.error(r.error);
    else await queryClient.invalidateQueries({ queryKey: key });
  }

  return (
    <section className="flex w-[360px] shrink-0 flex-col gap-2" data-testid="sim-phone" data-msisdn={msisdn} aria-label={`Phone ${msisdn}`}>
      <div className="flex h-7 items-center justify-between gap-2 px-1 text-sm">
        <span className="font-mono font-medium">{msisdn}</span>
        {extra}
        {onRemove ? (
          <button type="button" onClick={onRemove} aria-label={`Remove ${msisdn}`} className="text-muted-foreground hover:text-foreground">
            <X className="size-4" />
          </button>
        ) : null}
      </div>
      {/* A phone's height, not the conversation's: a long chat scrolls inside the phone as on a real
          one. The height is what the window leaves under the phone's top once the composer is below
          it, so the composer is in view without scrolling the page. */}
      <div ref={phone} style={height ? { height } : undefined} className={height ? undefined : 'h-[clamp(360px,calc(100dvh-24rem),640px)]'}>
        {/* The frame's chat area keeps a 420 px minimum (right for the designer's preview); here the measured
            height rules, so the chat scrolls inside it instead of running under the frame's bottom edge. */}
        <PhoneFrame theme="light" title={businessName} className="h-full [&>div:last-child]:min-h-0">
          {error ? <p className="rounded bg-red-50 p-2 text-xs text-red-700">{String((error as Error).message)}</p> : null}
          {count === 0 ? (
            <p className="mx-auto mt-8 max-w-[80%] rounded-md bg-[#ffeecd] px-3 py-2 text-center text-[12px] text-neutral-700">
              No messages yet. Send one to {msisdn} through the API or an automation, or type a message below.
            </p>
          ) : null}
          {(data ?? []).map((m) => (
            <MessageView key={m.umid} m={m} onReply={(r) => void reply(r.title, r)} onKey={(k) => void press(k)} />
          ))}
          <div ref={bottom} />
        </PhoneFrame>
      </div>
      <div ref={below} className="flex flex-col gap-2">
        <form
          className="flex items-center gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            const body = text;
            setText('');
            void reply(body);
          }}
        >
          <select
            aria-label="Reply channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value as 'whatsapp' | 'sms')}
            className="h-9 rounded-md border bg-card px-1.5 text-xs"
          >
            <option value="whatsapp">WhatsApp</option>
            <option value="sms">SMS</option>
          </select>
          <input
            aria-label={`Message from ${msisdn}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Type a message"
            className="h-9 min-w-0 flex-1 rounded-full border bg-card px-3 text-sm"
          />
          <button type="submit" aria-label="Send" className="flex size-9 items-center justify-center rounded-full bg-[#008069] text-white">
            <SendHorizontal className="size-4" />
          </button>
        </form>
        <label className="flex items-center gap-1.5 px-1 text-xs text-muted-foreground">
          <input type="checkbox" checked={fromAd} onChange={(e) => setFromAd(e.target.checked)} /> Next message comes from a click-to-WhatsApp ad (opens the 72
          h free entry point on reply)
        </label>
      </div>
    </section>
  );
}

const MIN_PHONE = 360;
const MAX_PHONE = 720;
/** Room kept under the composer: the page's bottom padding. */
const BOTTOM_GAP = 24;

/**
 * The phone's height: from its top (where the page puts it, under the header and toolbar) to the
 * window's bottom, less what sits under it (the composer), between a usable minimum and a phone's
 * height. Measured, because the header wraps differently at each width. Null until measured.
 */
function usePhoneHeight(phone: React.RefObject<HTMLDivElement | null>, below: React.RefObject<HTMLDivElement | null>): number | null {
  const [height, setHeight] = React.useState<number | null>(null);
  React.useLayoutEffect(() => {
    const measure = () => {
      if (!phone.current || !below.current) return;
      const top = phone.current.getBoundingClientRect().top + window.scrollY;
      const room = window.innerHeight - top - below.current.offsetHeight - 8 - BOTTOM_GAP;
      setHeight(Math.round(Math.max(MIN_PHONE, Math.min(MAX_PHONE, room))));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [phone, below]);
  return height;
}
