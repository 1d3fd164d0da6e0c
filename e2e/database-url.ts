// The e2e server's database, named in one place for playwright.config.ts and for every spec and setup
// script that reaches into it. SQLite by default: a fresh file per port. E2E_DATABASE=postgres (with
// TEST_POSTGRES_URL, which scripts/postgres-test-cluster.sh start prints): a fresh database
// parley_e2e_<port> on that cluster, dropped and re-created before the server starts
// (scripts/e2e-fresh-database.ts).

export const e2ePort = Number(process.env.E2E_PORT ?? 3210);

export function e2eOnPostgres(): boolean {
  return process.env.E2E_DATABASE === 'postgres';
}

export function e2eDatabaseUrl(port: number = e2ePort): string {
  if (!e2eOnPostgres()) return `file:./data/e2e-${port}.db`;
  if (!process.env.TEST_POSTGRES_URL) throw new Error('E2E_DATABASE=postgres needs TEST_POSTGRES_URL (scripts/postgres-test-cluster.sh start prints one)');
  const url = new URL(process.env.TEST_POSTGRES_URL);
  url.pathname = `/parley_e2e_${port}`;
  return url.toString();
}
