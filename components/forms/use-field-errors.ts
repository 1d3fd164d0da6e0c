'use client';
import * as React from 'react';

/**
 * A form's errors by field ('_' for the form-wide one), as a server action's fieldErrors give them.
 * `clear(...fields)` drops those fields' errors and the form-wide one: an error goes as soon as the
 * user changes the field it is about.
 */
export function useFieldErrors() {
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const clear = React.useCallback(
    (...keys: string[]) =>
      setErrors((e) => {
        const next = { ...e };
        for (const k of [...keys, '_']) delete next[k];
        return next;
      }),
    [],
  );
  return { errors, setErrors, clear };
}
