'use client';
import * as React from 'react';
import { PhoneCall } from 'lucide-react';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** A sandbox voice call: what the call says, and a keypad whose presses go back as DTMF. */
export function VoiceCall({ text, state, onKey }: { text: string; state: string; onKey: (key: string) => void }) {
  return (
    <div className="mx-auto w-[90%] rounded-xl bg-neutral-900 p-3 text-white shadow" data-testid="voice-call">
      <div className="flex items-center gap-2 text-xs uppercase tracking-wide text-emerald-300">
        <PhoneCall className="size-3.5" aria-hidden /> Voice call · {state === 'queued' ? 'dialling' : state === 'undelivered' ? 'failed' : 'answered'}
      </div>
      <p className="mt-2 text-sm italic">“{text}”</p>
      <div className="mt-3 grid grid-cols-3 gap-1.5">
        {KEYS.map((k) => (
          <button
            key={k}
            type="button"
            onClick={() => onKey(k)}
            className="rounded-md bg-white/10 py-1.5 text-sm font-semibold hover:bg-white/20"
            aria-label={`Press ${k}`}
          >
            {k}
          </button>
        ))}
      </div>
    </div>
  );
}
