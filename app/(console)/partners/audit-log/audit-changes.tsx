/** Before → after for each field that changed; other shapes are shown as JSON. */
export function AuditChanges({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== 'object') return null;
  const c = changes as { before?: Record<string, unknown>; after?: Record<string, unknown> } & Record<string, unknown>;
  const before = c.before && typeof c.before === 'object' ? c.before : {};
  const after = c.after && typeof c.after === 'object' ? c.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const extra = Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'before' && k !== 'after'));
  const fmt = (v: unknown) => (v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '(none)' : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  return (
    <details className="group mt-1">
      <summary className="cursor-pointer text-xs text-primary hover:underline">Show changes</summary>
      <table className="mt-2 w-full text-xs">
        <tbody>
          {keys.map((k) => (
            <tr key={k} className="align-top">
              <th className="w-28 py-0.5 pr-3 text-left font-medium text-muted-foreground">{k}</th>
              <td className="py-0.5">
                {k in before ? <span className="rounded bg-red-500/10 px-1 text-red-700 line-through decoration-red-400/60 dark:text-red-300">{fmt(before[k])}</span> : null}
                {k in before && k in after ? ' → ' : null}
                {k in after ? <span className="rounded bg-green-500/10 px-1 text-green-700 dark:text-green-300">{fmt(after[k])}</span> : null}
              </td>
            </tr>
          ))}
          {Object.keys(extra).length ? (
            <tr>
              <td colSpan={2}>
                <pre className="mt-1 overflow-x-auto rounded bg-muted p-2 font-mono text-[11px]">{JSON.stringify(extra, null, 2)}</pre>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </details>
  );
}
