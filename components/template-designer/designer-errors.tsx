'use client';
import * as React from 'react';

type ErrorsApi = { err: (path: string) => string | undefined; touch: (path: string) => void };
const ErrorsContext = React.createContext<ErrorsApi>({ err: () => undefined, touch: () => {} });

/**
 * Rule errors from the shared schema, shown beside the field that caused them once that part of the
 * form has been edited (or after a submit attempt), so an empty new form is not all red.
 */
export function DesignerErrorsProvider({ errors, showAll, children }: { errors: Record<string, string>; showAll: boolean; children: React.ReactNode }) {
  const [touched, setTouched] = React.useState<Set<string>>(() => new Set());
  const api = React.useMemo<ErrorsApi>(
    () => ({
      err: (path) => {
        const message = errors[path];
        if (!message) return undefined;
        if (showAll) return message;
        for (const t of touched) if (path === t || path.startsWith(`${t}.`) || t.startsWith(`${path}.`)) return message;
        return undefined;
      },
      touch: (path) =>
        setTouched((prev) => {
          if (prev.has(path)) return prev;
          const next = new Set(prev);
          next.add(path);
          return next;
        }),
    }),
    [errors, showAll, touched],
  );
  return <ErrorsContext.Provider value={api}>{children}</ErrorsContext.Provider>;
}

export function useDesignerErrors() {
  return React.useContext(ErrorsContext);
}

export function FieldError({ path, id }: { path: string; id?: string }) {
  const message = useDesignerErrors().err(path);
  if (!message) return null;
  return (
    <p role="alert" id={id} data-error-path={path} className="text-xs font-medium text-destructive">
      {message}
    </p>
  );
}
