import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What dependency-cruiser (.dependency-cruiser.cjs) cannot see: app/ may import `db` to hand it to lib,
// but it runs no query of its own. A page or action that queries directly repeats (and forgets) the
// tenant filter lib applies.
const QUERY =
  /\bdb\.(?:[a-z]\w*\.(?:find\w*|create\w*|update\w*|upsert|delete\w*|count|aggregate|groupBy)|\$queryRaw\w*|\$executeRaw\w*|\$transaction)\s*[(<`]/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function queriesIn(text: string): string[] {
  return text.split('\n').filter((line) => QUERY.test(line));
}

describe('layering', () => {
  it('app/ runs no database query of its own', () => {
    const offenders = sources('app').flatMap((file) => queriesIn(fs.readFileSync(file, 'utf8')).map((line) => `${file}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });

  it('recognises a query when it sees one', () => {
    expect(
      queriesIn('const wf = await db.workflow.findFirst({ where: { id } });\nawait db.$transaction(async (tx) => {});\nlistWorkflows(db, id);'),
    ).toHaveLength(2);
  });
});
