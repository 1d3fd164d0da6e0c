'use client';
import * as React from 'react';
import { Input, Select } from '@/components/ui/input';
import { FieldError, useDesignerErrors } from '@/components/template-designer/designer-errors';
import type { DesignerState } from '@/components/template-designer/draft-model';
import { TEMPLATE_LANGUAGES } from '@/lib/templates/languages';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from '@/lib/templates/template-schema';
import type { TemplateChannel } from '@/lib/templates/list-template-channels';

const CATEGORY_HELP: Record<TemplateCategory, string> = {
  MARKETING: 'Promotions, offers, announcements, re-engagement.',
  UTILITY: 'Updates the customer asked for: orders, deliveries, appointments. No promotional wording.',
  AUTHENTICATION: 'One-time passcodes only: one {{1}} variable and a copy-code button.',
};

/** Name, language, category and channel: what identifies the template. */
export function DetailsFields({
  state,
  channels,
  lockName,
  onChange,
}: {
  state: DesignerState;
  channels: TemplateChannel[];
  lockName?: boolean;
  onChange: (patch: Partial<DesignerState>) => void;
}) {
  const { err, touch } = useDesignerErrors();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="tpl-name" className="block text-sm font-medium">
          Name
        </label>
        <Input
          id="tpl-name"
          value={state.name}
          readOnly={lockName}
          placeholder="order_shipped_v1"
          aria-invalid={!!err('name')}
          onChange={(e) => {
            touch('name');
            onChange({ name: e.target.value });
          }}
        />
        {!err('name') && <p className="text-xs text-muted-foreground">Lower-case letters, digits and underscores. Not shown to customers.</p>}
        <FieldError path="name" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="tpl-language" className="block text-sm font-medium">
          Language
        </label>
        <Select
          id="tpl-language"
          value={state.language}
          onChange={(e) => {
            touch('language');
            onChange({ language: e.target.value });
          }}
        >
          {Object.entries(TEMPLATE_LANGUAGES).map(([code, name]) => (
            <option key={code} value={code}>
              {name} — {code}
            </option>
          ))}
        </Select>
        <FieldError path="language" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="tpl-category" className="block text-sm font-medium">
          Category
        </label>
        <Select
          id="tpl-category"
          value={state.category}
          onChange={(e) => {
            touch('category');
            touch('components');
            onChange({ category: e.target.value as TemplateCategory });
          }}
        >
          {TEMPLATE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c[0] + c.slice(1).toLowerCase()}
            </option>
          ))}
        </Select>
        <p className="text-xs text-muted-foreground">{CATEGORY_HELP[state.category]}</p>
        <FieldError path="category" />
      </div>
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="tpl-channel" className="block text-sm font-medium">
          WhatsApp channel
        </label>
        <Select id="tpl-channel" value={state.channelId} onChange={(e) => onChange({ channelId: e.target.value })}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.address}) — {c.id}
            </option>
          ))}
        </Select>
        <FieldError path="channelId" />
      </div>
    </div>
  );
}
