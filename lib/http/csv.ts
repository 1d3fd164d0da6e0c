import { logger } from '@/lib/log/logger';

// CSV exports (API.md "Wave 2 additions": any size, streamed, UTF-8 with a header row; `?format=csv`
// or `Accept: text/csv`). A page of rows is read only when the client has taken the previous one, so
// a million contacts cost the memory of one page and never hold the database between pages.

/**
 * A CSV field. Quoted when it holds a separator, a quote or a line break; a cell a spreadsheet would run
 * as a formula (=, @, a tab, or +/- followed by more than a number) is prefixed with ' so that a
 * customer's profile name cannot become a formula in the admin's spreadsheet. "+6591234567" stays as it is.
 */
export function csvField(value: unknown): string {
  let s = value == null ? '' : String(value);
  if (/^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-][\d\s().-]*$/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The header line, then each page `nextPage` reads (null: no more), as UTF-8 bytes. */
export function csvStream(header: readonly string[], nextPage: () => Promise<unknown[][] | null>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(header)));
        return;
      }
      try {
        const rows = await nextPage();
        if (!rows) return controller.close();
        controller.enqueue(encoder.encode(rows.map(csvLine).join('')));
      } catch (err) {
        // The header is already sent: the client sees a cut-off download rather than a wrong one.
        logger.error({ err }, 'a CSV export failed part way');
        controller.error(err);
      }
    },
  });
}

/** Whether the request asks for CSV: ?format=csv, or Accept: text/csv without ?format=json. */
export function wantsCsv(req: Request): boolean {
  const format = new URL(req.url).searchParams.get('format');
  if (format) return format.toLowerCase() === 'csv';
  return /\btext\/csv\b/i.test(req.headers.get('accept') ?? '');
}

// Headers carry Latin-1 only: an ASCII name for every browser, the name as written for those that read filename*.
const stem = (name: string, other: RegExp) =>
  name
    .replace(/\.csv$/i, '')
    .replace(other, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'export';

/** The streamed answer, named for the browser's download ("report.csv"; any name, non-ASCII kept in filename*). */
export function csvResponse(filename: string, body: ReadableStream<Uint8Array>): Response {
  const ascii = `${stem(filename, /[^A-Za-z0-9_.]+/g)}.csv`;
  const unicode = `${stem(filename, /[^\p{L}\p{N}_.]+/gu)}.csv`;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${ascii}"${unicode === ascii ? '' : `; filename*=UTF-8''${encodeURIComponent(unicode)}`}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
