'use client';
import * as React from 'react';
import { Input, Select } from '@/components/ui/input';
import { FieldError, useDesignerErrors } from '@/components/template-designer/designer-errors';
import { VariableTextField } from '@/components/template-designer/variable-text-field';
import { MediaUploadButton } from '@/components/template-designer/media-upload-button';
import type { HeaderComponent, HeaderFormat } from '@/lib/templates/template-schema';
import { LIMITS } from '@/lib/templates/template-rules';

const FORMATS: { value: HeaderFormat; label: string }[] = [
  { value: 'TEXT', label: 'Text' },
  { value: 'IMAGE', label: 'Image' },
  { value: 'VIDEO', label: 'Video' },
  { value: 'DOCUMENT', label: 'Document' },
  { value: 'LOCATION', label: 'Location' },
];

/** Header: a line of text with at most {{1}}, a sample media URL, or a location chosen at send time. */
export function HeaderEditor({
  idPrefix,
  path,
  value,
  onChange,
  formats = FORMATS.map((f) => f.value),
}: {
  idPrefix: string;
  path: string;
  value: HeaderComponent;
  onChange: (v: HeaderComponent) => void;
  formats?: HeaderFormat[];
}) {
  const { err, touch } = useDesignerErrors();
  const format = value.format;
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <label htmlFor={`${idPrefix}-format`} className="block text-sm font-medium">
          Format
        </label>
        <Select
          id={`${idPrefix}-format`}
          value={format}
          onChange={(e) => {
            touch(path);
            const f = e.target.value as HeaderFormat;
            onChange(
              f === 'TEXT'
                ? { type: 'HEADER', format: f, text: '' }
                : f === 'LOCATION'
                  ? { type: 'HEADER', format: f }
                  : { type: 'HEADER', format: f, examples: [value.examples?.[0]?.startsWith('http') ? value.examples[0] : ''] },
            );
          }}
        >
          {FORMATS.filter((f) => formats.includes(f.value)).map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </Select>
      </div>
      {format === 'TEXT' && (
        <VariableTextField
          id={`${idPrefix}-text`}
          label="Header text"
          path={path}
          text={value.text ?? ''}
          examples={value.examples}
          max={LIMITS.headerText}
          multiline={false}
          help="One line, bold on the phone. At most one variable, {{1}}."
          onChange={(text, examples) => onChange({ ...value, text, examples })}
        />
      )}
      {(format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') && (
        <div className="space-y-1.5">
          <label htmlFor={`${idPrefix}-media`} className="block text-sm font-medium">
            Sample {format.toLowerCase()} URL
          </label>
          <div className="flex flex-wrap items-start gap-2">
            <Input
              className="min-w-0 flex-1"
              id={`${idPrefix}-media`}
              type="url"
              placeholder={
                format === 'DOCUMENT'
                  ? 'https://example.com/delivery_note.pdf'
                  : format === 'VIDEO'
                    ? 'https://example.com/welcome.mp4'
                    : 'https://example.com/product.png'
              }
              value={value.examples?.[0] ?? ''}
              aria-invalid={!!err(`${path}.examples`) || !!err(`${path}.examples.0`)}
              onChange={(e) => {
                touch(path);
                onChange({ ...value, examples: [e.target.value] });
              }}
            />
            <MediaUploadButton
              id={`${idPrefix}-media`}
              format={format}
              onUploaded={(url) => {
                touch(path);
                onChange({ ...value, examples: [url] });
              }}
            />
          </div>
          <p className="text-xs text-muted-foreground">WhatsApp reviews the template with this file; the real one is sent with each message.</p>
          <FieldError path={`${path}.examples`} />
          <FieldError path={`${path}.examples.0`} />
        </div>
      )}
      {format === 'LOCATION' && <p className="text-sm text-muted-foreground">The map pin, name and address are given with each message you send.</p>}
      <FieldError path={`${path}.format`} />
    </div>
  );
}
