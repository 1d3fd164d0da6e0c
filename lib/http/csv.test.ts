import { describe, expect, it } from 'vitest';
import { csvField, csvResponse } from '@/lib/http/csv';

describe('CSV downloads', () => {
  it('name the file for every browser, and keep a non-ASCII name in filename*', () => {
    const empty = () => new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    expect(csvResponse('contacts.csv', empty()).headers.get('content-disposition')).toBe('attachment; filename="contacts.csv"');
    expect(csvResponse('Été sale-results.csv', empty()).headers.get('content-disposition')).toBe(
      `attachment; filename="t-sale-results.csv"; filename*=UTF-8''${encodeURIComponent('Été-sale-results.csv')}`,
    );
  });

  it('quote separators and defuse spreadsheet formulas, but leave phone numbers alone', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+6591234567')).toBe('+6591234567');
  });
});
