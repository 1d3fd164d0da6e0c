import { describe, expect, it } from 'vitest';
import { audienceDecoder } from '@/lib/campaigns/audience/audience-encoding';
import { CsvReader, readCsv } from '@/lib/campaigns/audience/csv-reader';
import { detectMsisdnColumn, sniffAudience } from '@/lib/campaigns/audience/sniff-audience';

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (order === 'le') return new Uint8Array(le);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return new Uint8Array(be);
};

describe('readCsv', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, and numbers records by the line they start on', () => {
    const text = 'phone,note\r\n+6591234567,"Hello, ""you""\r\nsecond line"\n\n+6591234568,plain\r+6591234569,"a\nb\nc"\n+6591234570,last';
    expect(readCsv(text)).toEqual([
      { cells: ['phone', 'note'], line: 1 },
      { cells: ['+6591234567', 'Hello, "you"\r\nsecond line'], line: 2 },
      { cells: [''], line: 4 },
      { cells: ['+6591234568', 'plain'], line: 5 },
      { cells: ['+6591234569', 'a\nb\nc'], line: 6 },
      { cells: ['+6591234570', 'last'], line: 9 },
    ]);
  });

  it('gives the same records whatever the chunks the text arrives in', () => {
    const text = 'a;b;c\n1;"x;\r\ny";3\r\n4;5;"6"""\n;;\n7;8;9\r\n';
    const whole = readCsv(text, ';');
    for (let size = 1; size < 8; size++) {
      const out: { cells: string[]; line: number }[] = [];
      const reader = new CsvReader(';', (cells, line) => out.push({ cells, line }));
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
      reader.end();
      expect(out, `chunks of ${size}`).toEqual(whole);
    }
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('keeps stray quotes and text after a closing quote as written', () => {
    expect(readCsv('a,b\n5" screen,"quoted" tail\n"open,end')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['5" screen', 'quoted tail'], line: 2 },
      { cells: ['open,end'], line: 3 },
    ]);
  });
});

describe('sniffAudience', () => {
  const csv = 'Phone;Prénom;Ville\n+33612345678;Zoë;Paris\n0612345679;Jérôme;"Lyon; centre"\n';

  it('reads UTF-8 with and without a byte-order mark', () => {
    for (const bytes of [Buffer.from(csv), Buffer.from(`\uFEFF${csv}`)]) {
      expect(sniffAudience(new Uint8Array(bytes))).toEqual({
        encoding: 'utf-8',
        delimiter: ';',
        columns: ['Phone', 'Prénom', 'Ville'],
        sample: [
          ['+33612345678', 'Zoë', 'Paris'],
          ['0612345679', 'Jérôme', 'Lyon; centre'],
        ],
        msisdnColumn: 'Phone',
      });
    }
  });

  it('reads UTF-16 LE and BE with their byte-order marks', () => {
    for (const order of ['le', 'be'] as const) {
      const s = sniffAudience(utf16(csv, order));
      expect(s.encoding).toBe(`utf-16${order}`);
      expect(s.columns).toEqual(['Phone', 'Prénom', 'Ville']);
      expect(s.sample[1]).toEqual(['0612345679', 'Jérôme', 'Lyon; centre']);
    }
  });

  it('reads bytes that are not UTF-8 as Windows-1252, € and curly quotes included', () => {
    const bytes = new Uint8Array([...Buffer.from('phone|name|price\n+6591234567|Caf', 'latin1'), 0xe9, ...Buffer.from('|', 'latin1'), 0x80, 0x93, 0x35, 0x0a]);
    expect(sniffAudience(bytes)).toMatchObject({
      encoding: 'windows-1252',
      delimiter: '|',
      columns: ['phone', 'name', 'price'],
      sample: [['+6591234567', 'Café', '€“5']],
    });
  });

  it('detects tab, pipe, semicolon and comma, and a one-column file of numbers', () => {
    for (const d of ['\t', '|', ';', ',']) {
      const text = `msisdn${d}first name${d}code\n+6591234567${d}"Ann${d} B"${d}X1\n+6591234568${d}Bob${d}X2\n`;
      expect(sniffAudience(new Uint8Array(Buffer.from(text))), JSON.stringify(d)).toMatchObject({ delimiter: d, columns: ['msisdn', 'first name', 'code'] });
    }
    expect(sniffAudience(new Uint8Array(Buffer.from('mobile\n+6591234567\n91234568\n')))).toMatchObject({
      delimiter: ',',
      columns: ['mobile'],
      sample: [['+6591234567'], ['91234568']],
      msisdnColumn: 'mobile',
    });
  });

  it('shows only complete lines of a file cut at the sniff size', () => {
    const s = sniffAudience(new Uint8Array(Buffer.from('phone,name\n+6591234567,Ann\n+659123')), { complete: false });
    expect(s.sample).toEqual([['+6591234567', 'Ann']]);
  });

  it('finds the phone column by its usual names', () => {
    expect(detectMsisdnColumn(['Name', 'WhatsApp Number', 'City'])).toBe('WhatsApp Number');
    expect(detectMsisdnColumn(['id', 'to', 'body'])).toBe('to');
    expect(detectMsisdnColumn(['Customer Mobile', 'x'])).toBe('Customer Mobile');
    expect(detectMsisdnColumn(['name', 'email'])).toBeNull();
  });

  it('decodes a character split between two chunks', () => {
    const bytes = Buffer.from('Zoë €');
    const decoder = audienceDecoder('utf-8');
    expect(decoder.decode(bytes.subarray(0, 3)) + decoder.decode(bytes.subarray(3, 6)) + decoder.decode(bytes.subarray(6), true)).toBe('Zoë €');
  });
});
