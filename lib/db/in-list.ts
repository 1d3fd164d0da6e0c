import type { Dialect, Tx } from '@/lib/db/tx-types';

// `column IN (list)` with the list passed as one parameter: the statement's text is the same whatever the
// list's length, so PostgreSQL prepares it once (a text per length would fill the named-statement set),
// and a batch's lookup is one statement rather than one per item.
const IN_LIST: Record<Dialect, string> = {
  sqlite: 'IN (SELECT "value" FROM json_each(?))',
  postgres: '= ANY(?::text[])',
};

/** The condition to put after a column, and the parameter that carries `values`. */
export function inList(t: Tx, values: readonly string[]): { sql: string; param: unknown } {
  return { sql: IN_LIST[t.dialect], param: t.dialect === 'sqlite' ? JSON.stringify(values) : values };
}
