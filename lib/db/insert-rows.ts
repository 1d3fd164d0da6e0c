import type { Step, Tx } from '@/lib/db/tx-types';

// Many rows of one table in a few statements (a campaign batch's messages): every statement is a round
// trip on PostgreSQL. Chunks of CHUNK rows, the rest in power-of-two chunks, so a table has a handful of
// statement texts whatever the batch's size (PostgreSQL prepares each text once per connection) and a
// statement stays far below either database's limit on parameters.
const CHUNK = 64;
const texts = new Map<string, string>();

function insertText(table: string, columns: readonly string[], rows: number): string {
  const key = `${table}|${columns.join(',')}|${rows}`;
  let text = texts.get(key);
  if (!text) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
    texts.set(key, text);
  }
  return text;
}

/** Inserts `rows` (each its values in `columns`' order) into `table`. */
export function* insertRows(t: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Step<void> {
  for (let i = 0; i < rows.length; ) {
    const left = rows.length - i;
    const n = left >= CHUNK ? CHUNK : 2 ** Math.floor(Math.log2(left));
    yield* t.run(insertText(table, columns, n), ...rows.slice(i, i + n).flat());
    i += n;
  }
}
