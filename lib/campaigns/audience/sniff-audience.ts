import { audienceDecoder, detectEncoding, isValidUtf8, type AudienceEncoding } from '@/lib/campaigns/audience/audience-encoding';
import { CsvReader } from '@/lib/campaigns/audience/csv-reader';

// What an audience file looks like from its first bytes: encoding, delimiter, header and a few rows.
// Client-safe: the wizard shows its preview with this before uploading, and the import reads the
// file with the same rules (audience-encoding.ts, csv-reader.ts).

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How much of a file the sniff reads. */
export const SNIFF_BYTES = 64 * 1024;

export type AudienceSniff = {
  encoding: AudienceEncoding;
  delimiter: Delimiter;
  /** The header row, each name trimmed. */
  columns: string[];
  /** The first data rows (empty lines skipped), cells trimmed. */
  sample: string[][];
  /** The column that holds the numbers, when one is named like it. */
  msisdnColumn: string | null;
};

/** Whether a row has nothing in it: an empty line, or only delimiters (a spreadsheet's blank row). */
export function isBlankRow(cells: string[]): boolean {
  for (const c of cells) if (c.trim()) return false;
  return true;
}

function records(text: string, delimiter: string, complete: boolean, max: number): string[][] {
  const out: string[][] = [];
  const reader = new CsvReader(delimiter, (cells) => {
    if (out.length < max && !isBlankRow(cells)) out.push(cells);
  });
  reader.push(text);
  if (complete) reader.end();
  return out;
}

/**
 * The delimiter that splits the header into the most columns with the rows agreeing with it; a file
 * of one column (numbers only) is read with commas.
 */
export function detectDelimiter(text: string, complete = true): Delimiter {
  let best: { delimiter: Delimiter; agree: number; width: number } = { delimiter: ',', agree: -1, width: 1 };
  for (const delimiter of DELIMITERS) {
    const rows = records(text, delimiter, complete, 21);
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const data = rows.slice(1);
    const agree = data.length ? data.filter((r) => r.length === width).length / data.length : 1;
    if (agree > best.agree || (agree === best.agree && width > best.width)) best = { delimiter, agree, width };
  }
  return best.delimiter;
}

const PHONE_NAMES = [
  'msisdn',
  'phone',
  'phonenumber',
  'mobile',
  'mobilenumber',
  'mobilephone',
  'whatsapp',
  'whatsappnumber',
  'number',
  'to',
  'cell',
  'cellphone',
  'tel',
  'telephone',
];
const squash = (s: string) => s.toLowerCase().replace(/[\s_.-]+/g, '');

/** The column named like a phone number column (msisdn, phone, mobile, whatsapp, number, to, …), or null. */
export function detectMsisdnColumn(columns: readonly string[]): string | null {
  for (const name of PHONE_NAMES) {
    const found = columns.find((c) => squash(c) === name);
    if (found) return found;
  }
  return columns.find((c) => /phone|mobile|msisdn|whatsapp/i.test(c)) ?? null;
}

/**
 * The encoding, delimiter, header and first rows of an audience file from its first bytes (up to
 * SNIFF_BYTES). `complete`: the bytes are the whole file, so its last line needs no line break
 * (default: fewer bytes than SNIFF_BYTES were given).
 */
export function sniffAudience(bytes: Uint8Array, opts: { complete?: boolean; sampleRows?: number } = {}): AudienceSniff {
  const complete = opts.complete ?? bytes.length < SNIFF_BYTES;
  const encoding = detectEncoding(bytes, isValidUtf8(bytes, complete));
  const text = audienceDecoder(encoding).decode(bytes, complete);
  const delimiter = detectDelimiter(text, complete);
  const [header = [], ...rows] = records(text, delimiter, complete, (opts.sampleRows ?? 5) + 1);
  const columns = header.map((c) => c.trim());
  return { encoding, delimiter, columns, sample: rows.map((r) => r.map((c) => c.trim())), msisdnColumn: detectMsisdnColumn(columns) };
}
