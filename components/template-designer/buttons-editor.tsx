'use client';
import type * as React from 'react';
import { ArrowDown, ArrowUp, Copy, ExternalLink, Phone, Plus, Reply, Smartphone, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { FieldError, useDesignerErrors } from '@/components/template-designer/designer-errors';
import { move, newButton } from '@/components/template-designer/draft-model';
import type { ButtonType, TemplateButton } from '@/lib/templates/template-schema';
import { variablesIn } from '@/lib/templates/template-variables';

const KINDS: { type: ButtonType; label: string; icon: React.ComponentType<{ className?: string }> }[] = [
  { type: 'QUICK_REPLY', label: 'Quick reply', icon: Reply },
  { type: 'URL', label: 'Website', icon: ExternalLink },
  { type: 'PHONE_NUMBER', label: 'Call', icon: Phone },
  { type: 'COPY_CODE', label: 'Copy code', icon: Copy },
  { type: 'OTP', label: 'One-tap code', icon: Smartphone },
];

/** The button builder: add by kind, edit, reorder, remove. */
export function ButtonsEditor({
  idPrefix,
  path,
  buttons,
  onChange,
  kinds = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE'],
  max = 10,
}: {
  idPrefix: string;
  path: string;
  buttons: TemplateButton[];
  onChange: (b: TemplateButton[]) => void;
  kinds?: ButtonType[];
  max?: number;
}) {
  const { touch } = useDesignerErrors();
  const set = (k: number, b: TemplateButton) => {
    touch(`${path}.buttons.${k}`);
    onChange(buttons.map((x, i) => (i === k ? b : x)));
  };
  return (
    <div className="space-y-3">
      {buttons.map((b, k) => (
        <ButtonRow
          key={k}
          id={`${idPrefix}-${k}`}
          path={`${path}.buttons.${k}`}
          button={b}
          onChange={(nb) => set(k, nb)}
          onUp={k > 0 ? () => onChange(move(buttons, k, k - 1)) : undefined}
          onDown={k < buttons.length - 1 ? () => onChange(move(buttons, k, k + 1)) : undefined}
          onRemove={() => {
            touch(`${path}.buttons`);
            onChange(buttons.filter((_, i) => i !== k));
          }}
        />
      ))}
      <FieldError path={`${path}.buttons`} />
      {buttons.length < max && (
        <div className="flex flex-wrap gap-2">
          {KINDS.filter((k) => kinds.includes(k.type)).map(({ type, label, icon: Icon }) => (
            <Button
              key={type}
              type="button"
              variant="outline"
              size="sm"
              data-testid={`${idPrefix}-add-${type.toLowerCase()}`}
              onClick={() => {
                touch(`${path}.buttons`);
                onChange([...buttons, newButton(type)]);
              }}
            >
              <Plus /> <Icon className="size-3.5" /> {label}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}

function ButtonRow({
  id,
  path,
  button: b,
  onChange,
  onUp,
  onDown,
  onRemove,
}: {
  id: string;
  path: string;
  button: TemplateButton;
  onChange: (b: TemplateButton) => void;
  onUp?: () => void;
  onDown?: () => void;
  onRemove: () => void;
}) {
  const { err } = useDesignerErrors();
  const kind = KINDS.find((k) => k.type === b.type);
  const Icon = kind?.icon ?? Reply;
  const dynamic = b.type === 'URL' && variablesIn(b.url).length > 0;
  return (
    <div className="rounded-md border bg-muted/40 p-3" data-testid={id}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <span className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
          <Icon className="size-3.5" /> {kind?.label ?? b.type}
        </span>
        <div className="flex items-center">
          <Button type="button" variant="ghost" size="icon" className="size-7" onClick={onUp} disabled={!onUp} aria-label="Move button up">
            <ArrowUp />
          </Button>
          <Button type="button" variant="ghost" size="icon" className="size-7" onClick={onDown} disabled={!onDown} aria-label="Move button down">
            <ArrowDown />
          </Button>
          <Button type="button" variant="ghost" size="icon" className="size-7" onClick={onRemove} aria-label="Remove button">
            <X />
          </Button>
        </div>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <Labeled id={`${id}-text`} label="Button text">
          <Input
            id={`${id}-text`}
            value={b.text ?? ''}
            maxLength={40}
            aria-invalid={!!err(`${path}.text`)}
            onChange={(e) => onChange({ ...b, text: e.target.value })}
          />
        </Labeled>
        {b.type === 'URL' && (
          <Labeled id={`${id}-url`} label="Website URL">
            <Input
              id={`${id}-url`}
              value={b.url ?? ''}
              placeholder="https://example.com/track/{{1}}"
              aria-invalid={!!err(`${path}.url`)}
              onChange={(e) => {
                const url = e.target.value;
                const has = variablesIn(url).length > 0;
                onChange({ ...b, url, examples: has ? [b.examples?.[0] ?? ''] : undefined });
              }}
            />
          </Labeled>
        )}
        {b.type === 'PHONE_NUMBER' && (
          <Labeled id={`${id}-phone`} label="Phone number">
            <Input
              id={`${id}-phone`}
              value={b.phone_number ?? ''}
              placeholder="+15551234567"
              aria-invalid={!!err(`${path}.phone_number`)}
              onChange={(e) => onChange({ ...b, phone_number: e.target.value })}
            />
          </Labeled>
        )}
        {(dynamic || b.type === 'COPY_CODE') && (
          <Labeled id={`${id}-example`} label={b.type === 'COPY_CODE' ? 'Sample code' : 'Sample for {{1}}'}>
            <Input
              id={`${id}-example`}
              value={b.examples?.[0] ?? ''}
              aria-invalid={!!err(`${path}.examples`)}
              onChange={(e) => onChange({ ...b, examples: [e.target.value] })}
            />
          </Labeled>
        )}
        {b.type === 'OTP' && (
          <>
            <Labeled id={`${id}-otp-type`} label="Code delivery">
              <Select
                id={`${id}-otp-type`}
                value={b.otp_type ?? 'ONE_TAP'}
                onChange={(e) => onChange({ ...b, otp_type: e.target.value as TemplateButton['otp_type'] })}
              >
                <option value="COPY_CODE">Copy code</option>
                <option value="ONE_TAP">One-tap autofill</option>
                <option value="ZERO_TAP">Zero-tap</option>
              </Select>
            </Labeled>
            {b.otp_type !== 'COPY_CODE' && (
              <>
                <Labeled id={`${id}-package`} label="Android package name">
                  <Input
                    id={`${id}-package`}
                    value={b.package_name ?? ''}
                    placeholder="com.example.app"
                    aria-invalid={!!err(`${path}.package_name`)}
                    onChange={(e) => onChange({ ...b, package_name: e.target.value })}
                  />
                </Labeled>
                <Labeled id={`${id}-hash`} label="App signature hash">
                  <Input
                    id={`${id}-hash`}
                    value={b.signature_hash ?? ''}
                    placeholder="K8a/AINcGX7"
                    onChange={(e) => onChange({ ...b, signature_hash: e.target.value })}
                  />
                </Labeled>
              </>
            )}
          </>
        )}
      </div>
      {b.type === 'URL' && !dynamic && (
        <p className="mt-1 text-xs text-muted-foreground">End the URL with {'{{1}}'} to add a different ending for each message.</p>
      )}
      <div className="mt-1 space-y-0.5">
        {['text', 'url', 'phone_number', 'examples', 'examples.0', 'type', 'otp_type', 'package_name'].map((f) => (
          <FieldError key={f} path={`${path}.${f}`} />
        ))}
      </div>
    </div>
  );
}

function Labeled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
