'use client';
import * as React from 'react';
import { useTheme } from 'next-themes';
import { PhoneFrame, TemplateBubble } from '@/components/whatsapp-preview';
import { renderTemplate } from '@/lib/templates/render-template';
import type { TemplateComponent } from '@/lib/templates/template-schema';

type PreviewTemplate = { name: string; language: string; category: string; components: TemplateComponent[] };

/**
 * A template as one recipient sees it on WhatsApp. `send` is the send payload's `content.template`
 * (a row's message); without it the template's own sample values show. The phone follows the
 * console's theme.
 */
export function MessagePreview({
  template,
  send,
  businessName,
  footer,
  className,
}: {
  template: PreviewTemplate | null;
  send?: unknown;
  businessName: string;
  footer?: React.ReactNode;
  className?: string;
}) {
  const { resolvedTheme } = useTheme();
  const [mounted, setMounted] = React.useState(false);
  React.useEffect(() => {
    setMounted(true);
  }, []);
  const theme = mounted && resolvedTheme === 'dark' ? 'dark' : 'light';
  const rendered = React.useMemo(() => (template ? renderTemplate(template, send) : null), [template, send]);
  return (
    <div className={className} data-testid="campaign-preview">
      <PhoneFrame theme={theme} title={businessName} className="max-w-[340px]">
        {rendered ? (
          <TemplateBubble rendered={rendered} />
        ) : (
          <p className="m-auto max-w-[80%] text-center text-xs opacity-70">Choose a template to see the message.</p>
        )}
      </PhoneFrame>
      {footer ? <div className="mx-auto mt-3 max-w-[340px]">{footer}</div> : null}
    </div>
  );
}
