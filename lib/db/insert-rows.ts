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

const chunkOf = (left: number) => (left >= CHUNK ? CHUNK : 2 ** Math.floor(Math.log2(left)));

/** Inserts `rows` (each its values in `columns`' order) into `table`. */
export function* insertRows(t: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Step<void> {
  for (let i = 0; i < rows.length; ) {
    const n = chunkOf(rows.length - i);
    yield* t.run(insertText(table, columns, n), ...rows.slice(i, i + n).flat());
    i += n;
  }
}

export type TableRows = { table: string; columns: readonly string[]; rows: readonly (readonly unknown[])[] };

// PostgreSQL runs several INSERTs as one statement through a data-modifying WITH. Its parts share one
// snapshot and foreign keys are checked as the statement ends, so a row may refer to one a sibling
// part inserts. Texts kept in a tree by the parts' texts (themselves kept, so each step hashes a string once).
type WithNode = { next: Map<string, WithNode>; text?: string };
const withTexts: WithNode = { next: new Map() };

function withText(parts: readonly string[]): string {
  let node = withTexts;
  for (const part of parts) {
    let next = node.next.get(part);
    if (!next) node.next.set(part, (next = { next: new Map() }));
    node = next;
  }
  node.text ??= `WITH ${parts
    .slice(0, -1)
    .map((p, i) => `"part${i}" AS (${p})`)
    .join(', ')} ${parts[parts.length - 1]}`;
  return node.text;
}

/**
 * Inserts several tables' rows, in the order given (a table's rows may refer to an earlier table's).
 * On PostgreSQL each round of chunks, one chunk a table, is one statement: one round trip for a
 * message, its first status and its outbox job. SQLite runs a statement a chunk (no round trips there).
 */
export function* insertTablesRows(t: Tx, tables: readonly TableRows[]): Step<void> {
  if (t.dialect !== 'postgres') {
    for (const x of tables) yield* insertRows(t, x.table, x.columns, x.rows);
    return;
  }
  const done = tables.map(() => 0);
  for (;;) {
    const texts: string[] = [];
    const values: unknown[] = [];
    tables.forEach((x, i) => {
      const left = x.rows.length - done[i];
      if (left <= 0) return;
      const n = chunkOf(left);
      texts.push(insertText(x.table, x.columns, n));
      for (const row of x.rows.slice(done[i], done[i] + n)) values.push(...row);
      done[i] += n;
    });
    if (!texts.length) return;
    yield* t.run(texts.length === 1 ? texts[0] : withText(texts), ...values);
  }
}
