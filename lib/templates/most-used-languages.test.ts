import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { createTemplate } from '@/lib/templates/create-template';
import { TEMPLATE_LANGUAGES } from '@/lib/templates/languages';
import { mostUsedLanguages, newLanguageDefault } from '@/lib/templates/most-used-languages';
import { templateNameTaken } from '@/lib/templates/template-name-taken';

const ALL = Object.keys(TEMPLATE_LANGUAGES);
const create = (name: string, language: string) =>
  createTemplate(db, {
    actor: SYSTEM_ACTOR,
    accountId: 'acme_corp',
    channelId: 'acme_corp_whatsapp',
    source: 'test',
    payload: { name, language, category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order has shipped.' }] },
  });

describe('the language a new language version starts in', () => {
  beforeAll(seedDemoTenant);

  it('is the account’s most used language the template does not have yet', async () => {
    for (const [name, language] of [
      ['a', 'en_US'],
      ['b', 'en_US'],
      ['c', 'en_US'],
      ['a', 'pt_BR'],
      ['b', 'pt_BR'],
      ['c', 'fr'],
    ])
      await create(name!, language!);
    const used = await mostUsedLanguages(db, 'acme_corp');
    expect(used).toEqual(['en_US', 'pt_BR', 'fr']);
    expect(newLanguageDefault(['en_US'], used, ALL)).toBe('pt_BR');
    expect(newLanguageDefault(['en_US', 'pt_BR'], used, ALL)).toBe('fr');
    expect(await mostUsedLanguages(db, 'no_such_account')).toEqual([]);
  });

  it('falls back to a widely used language, never to the alphabetical first (Afrikaans)', () => {
    expect(ALL[0]).toBe('af');
    expect(newLanguageDefault(['en_US'], ['en_US'], ALL)).toBe('es');
    expect(newLanguageDefault([], [], ALL)).toBe('en_US');
    expect(newLanguageDefault(ALL, [], ALL)).toBeNull();
  });

  it('a name+language already on the channel is named as the API names it (409)', async () => {
    expect(await templateNameTaken(db, { accountId: 'acme_corp', channelId: 'acme_corp_whatsapp', name: 'a', language: 'en_US' })).toBe(
      "A template named 'a' in language 'en_US' already exists on this channel",
    );
    expect(await templateNameTaken(db, { accountId: 'acme_corp', channelId: 'acme_corp_whatsapp', name: 'a', language: 'fr' })).toBeNull();
    expect(await templateNameTaken(db, { accountId: 'acme_corp', channelId: 'acme_corp_main_whatsapp', name: 'a', language: 'en_US' })).toBeNull();
    expect(await templateNameTaken(db, { accountId: 'other', channelId: 'acme_corp_whatsapp', name: 'a', language: 'en_US' })).toBeNull();
  });
});
