import Papa from 'papaparse';
import { PayloadTooLargeError, ValidationError } from '@/lib/errors';

// A spreadsheet's CSV as a header and rows of text. Encodings as API.md lists for campaigns: UTF-8 with
// or without a byte-order mark, UTF-16 with one, otherwise Windows-1252 (what Excel writes on Windows);
// the delimiter (, ; tab |) is papaparse's guess from the first rows.

export type CsvTable = { header: string[]; rows: string[][] };

export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Papaparse's guess over the first rows without blank lines: counted in, a short file's final blank
 * line made every delimiter look inconsistent, and a tab-separated file was read as one column.
 */
function guessDelimiter(text: string): string {
  const head = Papa.parse<string[]>(text.slice(0, 64 * 1024), { preview: 10, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  return head.meta.delimiter || ',';
}

/**
 * Parses the CSV; `rows[i]` is the record on line i + 2 of the file (the header is line 1), blank
 * lines included so that the numbers match what a spreadsheet shows. Refuses a file with more than
 * `maxRows` data rows, and one without a header.
 */
export function readCsvTable(bytes: Uint8Array, maxRows: number): CsvTable {
  const text = decodeCsvBytes(bytes);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(text), preview: maxRows + 2 });
  const records = parsed.data;
  // A file's final line break leaves one empty record behind it.
  while (records.length && records.at(-1)!.length === 1 && records.at(-1)![0] === '') records.pop();
  const header = (records[0] ?? []).map((h) => h.trim());
  if (!header.some(Boolean))
    throw new ValidationError('The file is empty: its first line must name the columns', [{ path: 'file', message: 'The file is empty' }]);
  const rows = records.slice(1);
  if (rows.length > maxRows) {
    throw new PayloadTooLargeError(`The file has more than ${maxRows.toLocaleString('en')} rows; import it in parts, or as a campaign audience`);
  }
  return { header, rows };
}
