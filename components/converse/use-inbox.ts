'use client';
import * as React from 'react';
import type { ConverseActions, InboxSnapshot } from '@/components/converse/types';

/** How often the inbox asks whether anything changed, and the longest wait between retries when asking fails. */
const POLL_MS = 1000;
const MAX_RETRY_MS = 5000;

/**
 * The inbox, live: every second it asks for the account's inbox version (one indexed read) and gets
 * the lists only when they changed. A failed request shows as reconnecting (never as a quietly stale
 * list) and is retried, backing off to five seconds, until one succeeds.
 */
export function useInbox(poll: ConverseActions['poll'], initial: InboxSnapshot) {
  const [snapshot, setSnapshot] = React.useState(initial);
  const [failures, setFailures] = React.useState(0);
  const version = React.useRef(initial.version);
  const kick = React.useRef<() => void>(() => undefined);

  React.useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failed = 0;
    let running = false;
    async function tick() {
      if (running) return;
      running = true;
      clearTimeout(timer);
      try {
        const r = await poll({ version: version.current });
        if (!r.ok) throw new Error(r.error);
        if (!('unchanged' in r.data)) setSnapshot(r.data);
        version.current = r.data.version;
        failed = 0;
      } catch {
        failed++;
      }
      running = false;
      if (stopped) return;
      setFailures(failed);
      timer = setTimeout(tick, failed ? Math.min(MAX_RETRY_MS, POLL_MS * 2 ** (failed - 1)) : POLL_MS);
    }
    kick.current = () => void tick();
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [poll]);

  const refresh = React.useCallback(() => kick.current(), []);
  return { snapshot, version: snapshot.version, reconnecting: failures > 0, refresh };
}
