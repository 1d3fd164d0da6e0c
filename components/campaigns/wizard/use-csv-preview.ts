'use client';
import * as React from 'react';
import Papa from 'papaparse';
import { sniffAudience } from '@/lib/campaigns/audience/sniff-audience';

export const MAX_AUDIENCE_ROWS = 1_000_000;
const SNIFF_BYTES = 64 * 1024;
// Papaparse reads the file one slice at a time; a slice per callback is what the progress bar counts.
const CHUNK_BYTES = 1024 * 1024;
const SAMPLE_ROWS = 5;

export type CsvPreview = {
  status: 'idle' | 'reading' | 'done' | 'error';
  fileName: string;
  size: number;
  bytesRead: number;
  /** Data rows (the header is not one). */
  rows: number;
  columns: string[];
  /** The first few data rows, cell by cell in column order. */
  sample: string[][];
  encoding: string;
  delimiter: string;
  error: string | null;
};

const IDLE: CsvPreview = { status: 'idle', fileName: '', size: 0, bytesRead: 0, rows: 0, columns: [], sample: [], encoding: '', delimiter: '', error: null };

/**
 * Reads a CSV in the browser as the server will: the encoding and delimiter sniffed from its first
 * 64 KB (the same sniffAudience the server uses), then every row streamed through papaparse a
 * megabyte at a time, so a million rows never sit in memory and the bar moves with the bytes read.
 */
export function useCsvPreview() {
  const [preview, setPreview] = React.useState<CsvPreview>(IDLE);
  const parser = React.useRef<Papa.Parser | null>(null);
  const run = React.useRef(0);

  const reset = React.useCallback(() => {
    run.current++;
    parser.current?.abort();
    parser.current = null;
    setPreview(IDLE);
  }, []);

  const start = React.useCallback(async (file: File) => {
    const id = ++run.current;
    parser.current?.abort();
    parser.current = null;
    const base = { ...IDLE, fileName: file.name, size: file.size };
    const fail = (error: string) => run.current === id && setPreview((p) => ({ ...p, ...base, status: 'error', error }));
    setPreview({ ...base, status: 'reading' });
    if (file.size === 0) return fail('This file is empty. Choose a CSV whose first row names the columns.');

    let sniffed: ReturnType<typeof sniffAudience>;
    try {
      sniffed = sniffAudience(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
    } catch (err) {
      return fail(err instanceof Error ? err.message : 'This file could not be read as a CSV.');
    }
    if (run.current !== id) return;

    let header: string[] | null = null;
    let rows = 0;
    let slices = 0;
    const sample: string[][] = [];
    let frame = 0;
    // One render per animation frame at most, however fast the slices come.
    const publish = (status: CsvPreview['status']) => {
      const next = {
        ...base,
        status,
        bytesRead: status === 'done' ? file.size : Math.min(file.size, slices * CHUNK_BYTES),
        rows,
        columns: sniffed.columns.length ? sniffed.columns : (header ?? []),
        sample: [...sample],
        encoding: sniffed.encoding,
        delimiter: sniffed.delimiter,
        error: null,
      };
      if (status !== 'reading') {
        cancelAnimationFrame(frame);
        if (run.current === id) setPreview(next);
        return;
      }
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (run.current === id) setPreview(next);
      });
    };

    Papa.parse<string[]>(file, {
      encoding: sniffed.encoding,
      delimiter: sniffed.delimiter,
      chunkSize: CHUNK_BYTES,
      skipEmptyLines: 'greedy',
      chunk(results, p) {
        if (run.current !== id) return p.abort();
        parser.current = p;
        slices++;
        let data = results.data;
        if (!header) {
          header = data[0] ?? [];
          data = data.slice(1);
        }
        for (let i = 0; i < data.length && sample.length < SAMPLE_ROWS; i++) sample.push(data[i]!);
        rows += data.length;
        if (rows > MAX_AUDIENCE_ROWS) {
          p.abort();
          fail(`This file has more than ${MAX_AUDIENCE_ROWS.toLocaleString('en')} rows. Split it into several campaigns.`);
          return;
        }
        publish('reading');
      },
      complete() {
        if (run.current !== id || rows > MAX_AUDIENCE_ROWS) return;
        parser.current = null;
        if (!header?.length) return fail('This file is empty. Choose a CSV whose first row names the columns.');
        if (rows === 0) return fail('This file has a header row but no recipients under it.');
        publish('done');
      },
      error(err) {
        fail(`This file could not be read: ${err.message}`);
      },
    });
  }, []);

  React.useEffect(() => () => parser.current?.abort(), []);
  return { preview, start, reset };
}
