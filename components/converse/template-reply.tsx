'use client';
import * as React from 'react';
import { useTheme } from 'next-themes';
import { Send } from 'lucide-react';
import { TemplateBubble } from '@/components/whatsapp-preview';
import { WA_COLORS, WaThemeProvider } from '@/components/whatsapp-preview/wa-theme';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { renderTemplate } from '@/lib/templates/render-template';
import { fillTemplateComponents, templateSlots } from '@/lib/templates/template-slots';
import type { ReplyTemplate } from '@/components/converse/types';

type Chosen = { name: string; language: string; values: Record<string, string> };

/**
 * A reply with an approved template of the ticket's subaccount: pick one, fill each parameter (header,
 * body {{n}}, button suffixes, carousel cards) and see the message as the customer will, live.
 */
export function TemplateReply({
  templates,
  loading,
  pending,
  onSend,
}: {
  templates: ReplyTemplate[] | null;
  loading: boolean;
  pending: boolean;
  onSend: (t: Chosen) => Promise<boolean>;
}) {
  const [key, setKey] = React.useState('');
  const [values, setValues] = React.useState<Record<string, string>>({});
  const template = templates?.find((t) => `${t.name}|${t.language}` === key) ?? null;
  const slots = React.useMemo(() => (template ? templateSlots(template) : []), [template]);
  const missing = slots.filter((s) => !values[s.key]?.trim()).map((s) => s.label);
  const rendered = React.useMemo(
    () =>
      template ? renderTemplate(template, { name: template.name, language: template.language, components: fillTemplateComponents(template, values) }) : null,
    [template, values],
  );
  const { resolvedTheme } = useTheme();
  const theme = resolvedTheme === 'dark' ? 'dark' : 'light';

  if (loading) return <p className="text-sm text-muted-foreground">Loading the approved templates…</p>;
  if (!templates?.length)
    return (
      <p className="text-sm text-muted-foreground" data-testid="converse-no-templates">
        This subaccount has no approved template. Create one under Templates; once WhatsApp approves it, it can be sent here.
      </p>
    );

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!template || missing.length) return;
    if (await onSend({ name: template.name, language: template.language, values })) {
      setKey('');
      setValues({});
    }
  }

  return (
    // Sized by its own width (a container), not the window's: the conversation column is narrow beside the lists.
    <form onSubmit={submit} className="@container" data-testid="converse-template-reply">
      <div className="grid gap-3 @lg:grid-cols-[minmax(0,1fr)_minmax(0,240px)]">
        <div className="flex min-w-0 flex-col gap-3">
          <Field label="Approved template" htmlFor="converse-template">
            <Select
              id="converse-template"
              value={key}
              onChange={(e) => {
                setKey(e.target.value);
                setValues({});
              }}
            >
              <option value="">Choose a template…</option>
              {templates.map((t) => (
                <option key={`${t.name}|${t.language}`} value={`${t.name}|${t.language}`}>
                  {t.name} ({t.language}) · {t.category.toLowerCase()}
                </option>
              ))}
            </Select>
          </Field>
          {slots.length ? (
            <div className="grid gap-2 @sm:grid-cols-2">
              {slots.map((s) => (
                <Field key={s.key} label={s.label} htmlFor={`slot-${s.key}`}>
                  <Input
                    id={`slot-${s.key}`}
                    value={values[s.key] ?? ''}
                    placeholder={s.example}
                    onChange={(e) => setValues({ ...values, [s.key]: e.target.value })}
                  />
                </Field>
              ))}
            </div>
          ) : template ? (
            <p className="text-xs text-muted-foreground">This template has no parameters.</p>
          ) : null}
        </div>
        {rendered ? (
          <WaThemeProvider value={theme}>
            <section
              className="rounded-[var(--radius)] p-3 text-[13.5px] leading-[18px]"
              style={{ background: WA_COLORS[theme].wallpaper, color: WA_COLORS[theme].text }}
              aria-label="Preview"
            >
              <TemplateBubble rendered={rendered} time="now" />
            </section>
          </WaThemeProvider>
        ) : null}
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
        {template && missing.length ? (
          <span className="text-xs text-muted-foreground">Fill {missing.length === 1 ? missing[0] : `${missing.length} parameters`}</span>
        ) : null}
        <Button type="submit" disabled={!template || missing.length > 0 || pending}>
          <Send /> Send template
        </Button>
      </div>
    </form>
  );
}
