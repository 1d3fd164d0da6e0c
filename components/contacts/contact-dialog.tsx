'use client';
import * as React from 'react';
import type { ContactView } from '@/lib/contacts/contact-view';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import type { ActionResult } from './action-result';
import { AttributesEditor, newAttributeRow } from './attributes-editor';
import { TagsInput } from './tags-input';
import {
  contactBody,
  formErrorsFromServer,
  validateAttributes,
  validateContactForm,
  validateMsisdn,
  validateName,
  validateTags,
  type ContactForm,
  type FormErrors,
} from './contact-form';

export type SaveContact = (input: { msisdn: string; isNew: boolean; contact: unknown }) => Promise<ActionResult<ContactView>>;

function formOf(contact: ContactView | null): ContactForm {
  return {
    msisdn: contact?.msisdn ?? '',
    name: contact?.name ?? '',
    attributes: Object.entries(contact?.attributes ?? {}).map(([k, v]) => newAttributeRow(k, v)),
    tags: contact?.tags ?? [],
  };
}

/**
 * Adds a contact (`contact` null) or edits one: the number (fixed once saved), name, attributes and
 * tags. Each field is checked when it is left and again on save, with the API's own rules; what the
 * server still refuses shows beside the field it names.
 */
export function ContactDialog({
  open,
  onOpenChange,
  contact,
  knownTags,
  onSave,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  contact: ContactView | null;
  knownTags: string[];
  onSave: SaveContact;
  onSaved: (contact: ContactView, isNew: boolean) => void;
}) {
  const isNew = contact === null;
  const [form, setForm] = React.useState<ContactForm>(() => formOf(contact));
  const [errors, setErrors] = React.useState<FormErrors>({});
  const [pending, start] = React.useTransition();

  React.useEffect(() => {
    if (open) {
      setForm(formOf(contact));
      setErrors({});
    }
  }, [open, contact]);

  const check = (key: string, message: string | null) =>
    setErrors((e) => {
      const { [key]: _, _: __, ...rest } = e;
      return message ? { ...rest, [key]: message } : rest;
    });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const found = validateContactForm(form, isNew);
    setErrors(found);
    if (Object.keys(found).length) return;
    start(async () => {
      const r = await onSave({ msisdn: isNew ? form.msisdn : contact.msisdn, isNew, contact: contactBody(form) });
      if (!r.ok) return setErrors({ ...formErrorsFromServer(form, r.fieldErrors), _: r.error });
      onSaved(r.data, isNew);
      onOpenChange(false);
    });
  }

  const fieldErrorShown = Object.keys(errors).some((k) => k !== '_');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={isNew ? 'Add contact' : 'Edit contact'}
        description={isNew ? 'A customer this account messages. Campaigns can address contacts by tag.' : contact.msisdn}
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto"
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          {isNew ? (
            <Field label="Phone number" htmlFor="contact-msisdn" help="With the country code, e.g. +65 9123 4567" error={errors.msisdn}>
              <Input
                id="contact-msisdn"
                inputMode="tel"
                autoComplete="off"
                value={form.msisdn}
                onChange={(e) => setForm({ ...form, msisdn: e.target.value })}
                onBlur={() => form.msisdn && check('msisdn', validateMsisdn(form.msisdn))}
                aria-invalid={!!errors.msisdn}
                aria-describedby={errors.msisdn ? 'contact-msisdn-error' : undefined}
                placeholder="+6591234567"
              />
            </Field>
          ) : null}
          <Field label="Name" htmlFor="contact-name" error={errors.name}>
            <Input
              id="contact-name"
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              onBlur={() => check('name', validateName(form.name))}
              aria-invalid={!!errors.name}
              placeholder="Ada Lovelace"
            />
          </Field>
          <Field label="Tags" htmlFor="contact-tags" help="Campaigns can send to every contact with a tag." error={errors.tags}>
            <TagsInput
              id="contact-tags"
              value={form.tags}
              onChange={(tags) => setForm((f) => ({ ...f, tags }))}
              onBlur={(tags) => check('tags', validateTags(tags))}
              suggestions={knownTags}
              invalid={!!errors.tags}
            />
          </Field>
          <AttributesEditor
            rows={form.attributes}
            onChange={(attributes) => setForm((f) => ({ ...f, attributes }))}
            errors={errors}
            onBlur={() =>
              setErrors((e) => {
                const kept = Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('attr') && k !== '_'));
                return { ...kept, ...validateAttributes(form.attributes) };
              })
            }
          />
          {errors._ && !fieldErrorShown ? (
            <p role="alert" className="text-sm text-destructive">
              {errors._}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {isNew ? 'Add contact' : 'Save changes'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
