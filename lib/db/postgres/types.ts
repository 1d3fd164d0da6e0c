import pg from 'pg';

// Rows from PostgreSQL read exactly as the same rows read from SQLite, so one body of code serves both:
// a DateTime as Prisma's SQLite text ("2026-12-06T04:12:00.000+00:00", which also sorts and compares as
// text), a Boolean as 0/1, a Json column as its JSON text, and counts and sums as numbers (PostgreSQL
// gives bigint and numeric as strings, and Parley's counts fit in a double). Only our own pool uses
// these; Prisma's adapter brings its own.

const OID = { bool: 16, int8: 20, json: 114, timestamp: 1114, timestamptz: 1184, numeric: 1700, jsonb: 3802 } as const;

function timestampText(value: string): string {
  // "2026-12-06 04:12:00.123" (timestamp(3), UTC by Prisma's convention) → ISO with an explicit offset.
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

function timestamptzText(value: string): string {
  return new Date(Date.parse(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'))).toISOString().replace('Z', '+00:00');
}

const parsers: Record<number, (value: string) => unknown> = {
  [OID.bool]: (v) => (v === 't' ? 1 : 0),
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => Number(v),
  [OID.json]: (v) => v,
  [OID.jsonb]: (v) => v,
  [OID.timestamp]: timestampText,
  [OID.timestamptz]: timestamptzText,
};

export const sqliteLikeTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;
