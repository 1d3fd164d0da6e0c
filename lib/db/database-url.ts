export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) return { kind: 'sqlite', path: url.slice('file:'.length) };
  return { kind: 'postgres', url };
}
