'use client';

import { useSyncExternalStore } from 'react';

// Below this width (Tailwind's md) the canvas, its palette and a properties column do not fit side by side.
const NARROW = '(max-width: 767px)';

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(NARROW);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/** Whether the screen is phone-width: the editor then shows the graph read only. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}
