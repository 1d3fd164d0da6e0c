import type { Step, Tx } from '@/lib/db/tx-types';

// Rows of one table by their columns' names: one row (the hot paths' inserts) or many in a few
// statements (a campaign batch's messages), since every statement is a round trip on PostgreSQL.
// Chunks of CHUNK rows, the rest in power-of-two chunks, so a table has a handful of statement texts
// whatever the batch's size (PostgreSQL prepares each text once per connection) and a statement stays
// far below either database's limit on parameters. Texts are kept per columns list (the callers' module
// constants), so finding one costs no string building.
const CHUNK = 64;
const texts = new Map<readonly string[], Map<number, string>>();

function insertText(table: string, columns: readonly string[], rows: number): string {
  let byRows = texts.get(columns);
  if (!byRows) texts.set(columns, (byRows = new Map()));
  let text = byRows.get(rows);
  if (!text) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
    byRows.set(rows, text);
  }
  return text;
}

/** Inserts one row (its values in `columns`' order) into `table`. */
export function insertRow(t: Tx, table: string, columns: readonly string[], values: readonly unknown[]): Step<number> {
  return t.run(insertText(table, columns, 1), ...values);
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
