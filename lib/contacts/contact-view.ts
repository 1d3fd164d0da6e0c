import type { ContactRow } from '@/lib/contacts/contact-rows';

/** A contact as the API answers it and the Contacts page shows it. */
export type ContactView = {
  msisdn: string;
  name: string | null;
  attributes: Record<string, string>;
  tags: string[];
  /** Whether the number asked for no marketing messages (the opt-out list). */
  optedOut: boolean;
  createdAt: string;
  updatedAt: string;
};

export function toContactView(row: ContactRow, optedOut: boolean): ContactView {
  return {
    msisdn: row.msisdn,
    name: row.name,
    attributes: row.attributes,
    tags: row.tags,
    optedOut,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
