import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverRoutes, matchRoute } from '@/lib/http/api-router';

const routes = discoverRoutes(path.resolve('app/api/v1'));
const served = (url: string) => {
  const m = matchRoute(routes, url.split('/').filter(Boolean));
  return m && { file: path.relative('app/api/v1', m.route.file), params: m.params };
};

describe('API routing from app/api/v1, as Next routes it', () => {
  it('finds every route file', () => {
    expect(routes.length).toBeGreaterThanOrEqual(18);
    expect(routes.every((r) => r.file.endsWith('route.ts'))).toBe(true);
  });

  it('fills parameters from the path', () => {
    expect(served('/subaccounts/acme_corp_chatapps/messages')).toEqual({
      file: 'subaccounts/[subAccountId]/messages/route.ts',
      params: { subAccountId: 'acme_corp_chatapps' },
    });
    expect(served('/accounts/acme/channels/wa/templates/order_update')).toEqual({
      file: 'accounts/[accountId]/channels/[channelId]/templates/[name]/route.ts',
      params: { accountId: 'acme', channelId: 'wa', name: 'order_update' },
    });
  });

  it('prefers a static segment over a parameter, and a parameter over the catch-all', () => {
    expect(served('/accounts/acme/workflows/instances')?.file).toBe('accounts/[accountId]/workflows/instances/route.ts');
    expect(served('/accounts/acme/workflows/wf_1')).toEqual({
      file: 'accounts/[accountId]/workflows/[id]/route.ts',
      params: { accountId: 'acme', id: 'wf_1' },
    });
    expect(served('/accounts/acme/workflows/instances/i_1/errors')?.params).toEqual({ accountId: 'acme', workflowId: 'i_1' });
  });

  it('sends anything else to the catch-all, with the rest of the path', () => {
    expect(served('/nope/at/all')).toEqual({ file: '[...path]/route.ts', params: { path: ['nope', 'at', 'all'] } });
    expect(served('/subaccounts/x/messages/u/extra')?.file).toBe('[...path]/route.ts');
  });
});
