'use client';
import * as React from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { MessagePreview } from '@/components/campaigns/message-preview';
import { CountrySelect } from '@/components/campaigns/wizard/country-select';
import { SlotMappingRow } from '@/components/campaigns/wizard/slot-mapping-row';
import { rowValues, type Mapping } from '@/components/campaigns/wizard/mapping-model';
import type { TemplateOption } from '@/components/campaigns/campaign-types';
import { fillTemplateComponents, type TemplateSlot } from '@/lib/templates/template-slots';

export function MappingStep({
  template,
  slots,
  columns,
  sample,
  businessName,
  msisdnColumn,
  onMsisdnColumn,
  msisdnError,
  defaultCountry,
  onDefaultCountry,
  mapping,
  onMapping,
  problems,
  saveContactsTag,
  onSaveContactsTag,
}: {
  template: TemplateOption;
  slots: TemplateSlot[];
  columns: string[];
  /** The audience's first rows, when the browser has them (a CSV read here; not a tag or a stored draft). */
  sample: string[][];
  businessName: string;
  msisdnColumn: string;
  onMsisdnColumn: (c: string) => void;
  msisdnError: string | null;
  defaultCountry: string;
  onDefaultCountry: (c: string) => void;
  mapping: Mapping;
  onMapping: (m: Mapping) => void;
  problems: Record<string, string>;
  /** null when contacts are not available (the option is hidden). */
  saveContactsTag: string | null;
  onSaveContactsTag: (t: string) => void;
}) {
  const [at, setAt] = React.useState(0);
  const row = sample[Math.min(at, sample.length - 1)];
  const send = React.useMemo(
    () => ({ name: template.name, language: template.language, components: fillTemplateComponents(template, rowValues(slots, mapping, columns, row)) }),
    [template, slots, mapping, columns, row],
  );
  const phone = msisdnColumn && row ? (row[columns.indexOf(msisdnColumn)] ?? '') : '';
  const parsed = phone ? parsePhoneNumberFromString(phone, (defaultCountry || undefined) as CountryCode | undefined) : undefined;

  return (
    <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_360px]">
      <div className="min-w-0 space-y-5">
        <Card>
          <CardHeader>
            <CardTitle>Recipients</CardTitle>
            <CardDescription>Where the numbers are, and how to read numbers written without a country code.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Phone number column"
              htmlFor="msisdn-column"
              error={msisdnError}
              help={
                phone ? (
                  <>
                    In the previewed row: <span className="font-mono">{phone}</span>
                  </>
                ) : (
                  'Detected from the header; change it if it is wrong.'
                )
              }
            >
              <Select id="msisdn-column" value={msisdnColumn} onChange={(e) => onMsisdnColumn(e.target.value)} aria-invalid={!!msisdnError}>
                <option value="">Choose a column…</option>
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label="Default country"
              htmlFor="default-country"
              help={
                phone ? (
                  parsed?.isPossible() ? (
                    <>
                      Sent to <span className="font-mono">{parsed.number}</span>
                    </>
                  ) : (
                    'The previewed row’s number is not a possible number with this country; such rows are reported at review.'
                  )
                ) : (
                  'For local numbers such as 9123 4567.'
                )
              }
            >
              <CountrySelect id="default-country" value={defaultCountry} onChange={onDefaultCountry} />
            </Field>
            {saveContactsTag !== null ? (
              <Field
                label="Save recipients as contacts (optional)"
                htmlFor="save-contacts-tag"
                help="Valid recipients are added to Contacts with this tag."
                className="sm:col-span-2"
              >
                <Input
                  id="save-contacts-tag"
                  placeholder="e.g. december-sale"
                  value={saveContactsTag}
                  onChange={(e) => onSaveContactsTag(e.target.value)}
                  className="sm:w-80"
                />
              </Field>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Template variables</CardTitle>
            <CardDescription>
              {slots.length
                ? `Fill each of the ${slots.length} variable${slots.length === 1 ? '' : 's'} of ${template.name} from a column or with one value for everyone. A fallback fills empty cells; without one, a row with an empty cell is not sent.`
                : `${template.name} has no variables: every recipient gets the same message.`}
            </CardDescription>
          </CardHeader>
          <div>
            {slots.map((s) => (
              <SlotMappingRow
                key={s.key}
                slot={s}
                mapping={mapping[s.key] ?? { source: 'column', column: '', value: '', fallback: '' }}
                columns={columns}
                firstRow={row}
                problem={problems[s.key] ?? null}
                onChange={(m) => onMapping({ ...mapping, [s.key]: m })}
              />
            ))}
          </div>
        </Card>
      </div>
      <div className="lg:sticky lg:top-20 lg:self-start">
        <MessagePreview
          template={template}
          send={send}
          businessName={businessName}
          footer={
            sample.length ? (
              <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
                <Button type="button" variant="ghost" size="icon" aria-label="Previous sample row" disabled={at === 0} onClick={() => setAt(at - 1)}>
                  <ChevronLeft />
                </Button>
                <span className="text-center" data-testid="mapping-preview-row">
                  Sample row {at + 1} of {sample.length}
                  {parsed?.isPossible() ? <span className="block font-mono text-foreground">{parsed.number}</span> : null}
                </span>
                <Button type="button" variant="ghost" size="icon" aria-label="Next sample row" disabled={at >= sample.length - 1} onClick={() => setAt(at + 1)}>
                  <ChevronRight />
                </Button>
              </div>
            ) : (
              <p className="text-center text-xs text-muted-foreground">Each recipient’s own values show at review.</p>
            )
          }
        />
      </div>
    </div>
  );
}
