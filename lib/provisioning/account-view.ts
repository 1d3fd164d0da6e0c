import { regionLabel } from '@/lib/channels/regions';

/** The columns an account is shown with, on the Accounts page and in the API. */
export const ACCOUNT_VIEW_SELECT = { id: true, name: true, region: true, suspendedAt: true, createdAt: true } as const;

export type CustomerAccountView = {
  id: string;
  name: string;
  region: string;
  regionLabel: string;
  status: 'active' | 'suspended';
  suspendedAt: string | null;
  createdAt: string;
};

export function accountView(a: { id: string; name: string; region: string; suspendedAt: Date | null; createdAt: Date }): CustomerAccountView {
  return {
    id: a.id,
    name: a.name,
    region: a.region,
    regionLabel: regionLabel(a.region),
    status: a.suspendedAt ? 'suspended' : 'active',
    suspendedAt: a.suspendedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}
