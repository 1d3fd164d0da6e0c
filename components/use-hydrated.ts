import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while the server renders and React hydrates the page, true from then on. A form disabled until
 * then keeps a person (or a browser test) from choosing or typing into server-rendered fields that
 * hydration would set back to their first values: a channel picked in that moment was silently lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
