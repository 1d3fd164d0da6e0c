import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { buildOpenApiDocument } from '@/lib/api/openapi/build-openapi-document';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { requireAccountPage } from '@/app/_lib/console-context';
import { requestOrigin } from '@/app/_lib/request-origin';
import { ApiReferenceClient } from './page-client';

export const metadata: Metadata = { title: 'API reference' };

// The same document /api/v1/openapi.json serves, with the reader's own account, first subaccount and
// channel as the path parameters' examples, so "try it" starts with ids that answer. Gated like the
// API keys page: the reference is for those who hold keys.
export default async function ApiReferencePage() {
  const { account, principal } = await requireAccountPage('settings.apikeys.manage');
  const subs = await listAccountStructure(db, account.id);
  const sub = subs.find((s) => s.channels.length) ?? subs[0];
  const openApi = buildOpenApiDocument(undefined, {
    sampleBaseUrl: `${await requestOrigin()}/api/v1`,
    pathExamples: {
      accountId: account.id,
      partnerId: principal.partnerId,
      ...(sub ? { subAccountId: sub.id } : {}),
      ...(sub?.channels[0] ? { channelId: sub.channels[0].id } : {}),
    },
  });
  return <ApiReferenceClient openApi={openApi} />;
}
