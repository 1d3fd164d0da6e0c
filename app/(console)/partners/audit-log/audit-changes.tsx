/** Before → after for each field that changed; other shapes are shown as JSON. */
export function AuditChanges({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== 'object') return null;
  const c = changes as { before?: Record<string, unknown>; after?: Record<string, unknown> } & Record<string, unknown>;
  const before = c.before && typeof c.before === 'object' ? c.before : {};
  const after = c.after && typeof c.after === 'object' ? c.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const extra = Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'before' && k !== 'after'));
  const fmt = (v: unknown) =>
    v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '(none)' : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  return (
    <details className="group mt-1">
      <summary className="cursor-pointer text-xs text-primary hover:underline">Show changes</summary>
      {/* A list of field → change pairs, not a data table: a two-column grid of terms and values. */}
      <dl className="mt-2 grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
        {keys.map((k) => (
          <div key={k} className="contents">
            <dt className="truncate font-medium text-muted-foreground" title={k}>
              {k}
            </dt>
            <dd className="break-words">
              {k in before ? (
                <span className="rounded bg-red-500/10 px-1 text-red-700 line-through decoration-red-400/60 dark:text-red-300">{fmt(before[k])}</span>
              ) : null}
              {k in before && k in after ? ' → ' : null}
              {k in after ? <span className="rounded bg-green-500/10 px-1 text-green-700 dark:text-green-300">{fmt(after[k])}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      {Object.keys(extra).length ? (
        <pre className="mt-1 w-0 min-w-full overflow-x-auto rounded bg-muted p-2 font-mono text-[11px]">{JSON.stringify(extra, null, 2)}</pre>
      ) : null}
    </details>
  );
}
