'use client';
import * as React from 'react';
import { Moon, Sun } from 'lucide-react';
import { PhoneFrame, TemplateBubble } from '@/components/whatsapp-preview';
import { renderTemplate } from '@/lib/templates/render-template';
import type { TemplateDraft } from '@/lib/templates/template-schema';

/** The live phone preview with its light/dark and samples/raw {{n}} toggles. */
export function TemplatePreview({ draft, businessName, time }: { draft: TemplateDraft; businessName: string; time?: string }) {
  const [theme, setTheme] = React.useState<'light' | 'dark'>('light');
  const [raw, setRaw] = React.useState(false);
  const rendered = React.useMemo(() => renderTemplate(draft, undefined, { showRaw: raw }), [draft, raw]);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Toggle
          label="Values"
          options={[
            { value: 'samples', label: 'Sample values' },
            { value: 'raw', label: 'Raw {{n}}' },
          ]}
          value={raw ? 'raw' : 'samples'}
          onChange={(v) => setRaw(v === 'raw')}
        />
        <Toggle
          label="Phone theme"
          options={[
            { value: 'light', label: 'Light', icon: <Sun className="size-3.5" /> },
            { value: 'dark', label: 'Dark', icon: <Moon className="size-3.5" /> },
          ]}
          value={theme}
          onChange={(v) => setTheme(v as 'light' | 'dark')}
        />
      </div>
      <div data-testid="template-preview">
        <PhoneFrame theme={theme} title={businessName}>
          {rendered.body || rendered.header || rendered.buttons.length ? (
            <TemplateBubble rendered={rendered} time={time} />
          ) : (
            <p className="m-auto text-center text-xs opacity-60">Write the message body to see the preview.</p>
          )}
        </PhoneFrame>
      </div>
    </div>
  );
}

function Toggle({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: { value: string; label: string; icon?: React.ReactNode }[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded-[var(--radius)] border bg-muted p-0.5 text-xs">
      {options.map((o) => (
        // biome-ignore lint/a11y/useSemanticElements: a segmented control: buttons with the radio role (WAI-ARIA's radio group pattern), styled as one strip
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          onClick={() => onChange(o.value)}
          className={`inline-flex items-center gap-1 rounded-[calc(var(--radius)-2px)] px-2.5 py-1 font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring ${value === o.value ? 'bg-card text-foreground shadow-xs' : 'text-muted-foreground hover:text-foreground'}`}
        >
          {o.icon}
          {o.label}
        </button>
      ))}
    </div>
  );
}
