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

/** Fields that cannot change here, each with the sentence that says why (shown under it). */
export type DesignerLocks = Partial<Record<'name' | 'language' | 'category' | 'channelId', string>>;

/** Name, language, category and channel: what identifies the template. */
export function DetailsFields({
  state,
  channels,
  locks = {},
  onChange,
}: {
  state: DesignerState;
  channels: TemplateChannel[];
  locks?: DesignerLocks;
  onChange: (patch: Partial<DesignerState>) => void;
}) {
  const { err, touch } = useDesignerErrors();
  const lockNote = (field: keyof DesignerLocks) =>
    locks[field] ? (
      <p className="text-xs text-muted-foreground" data-testid={`tpl-${field}-locked`}>
        {locks[field]}
      </p>
    ) : null;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="tpl-name" className="block text-sm font-medium">
          Name
        </label>
        <Input
          id="tpl-name"
          value={state.name}
          readOnly={!!locks.name}
          className={locks.name ? 'bg-muted text-muted-foreground' : undefined}
          placeholder="order_shipped_v1"
          aria-invalid={!!err('name')}
          aria-describedby={err('name') ? 'tpl-name-error' : undefined}
          onChange={(e) => {
            touch('name');
            onChange({ name: e.target.value });
          }}
        />
        {locks.name
          ? lockNote('name')
          : !err('name') && <p className="text-xs text-muted-foreground">Lower-case letters, digits and underscores. Not shown to customers.</p>}
        <FieldError path="name" id="tpl-name-error" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="tpl-language" className="block text-sm font-medium">
          Language
        </label>
        <Select
          id="tpl-language"
          value={state.language}
          disabled={!!locks.language}
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
        {lockNote('language')}
        <FieldError path="language" />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="tpl-category" className="block text-sm font-medium">
          Category
        </label>
        <Select
          id="tpl-category"
          value={state.category}
          disabled={!!locks.category}
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
        <p className="text-xs text-muted-foreground">{locks.category ?? CATEGORY_HELP[state.category]}</p>
        <FieldError path="category" />
      </div>
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="tpl-channel" className="block text-sm font-medium">
          WhatsApp channel
        </label>
        <Select id="tpl-channel" value={state.channelId} disabled={!!locks.channelId} onChange={(e) => onChange({ channelId: e.target.value })}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.address}) — {c.id}
            </option>
          ))}
        </Select>
        {lockNote('channelId')}
        <FieldError path="channelId" />
      </div>
    </div>
  );
}
