'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const POLL_MS = 2000;

/**
 * Keeps a page current without a reload: polls the change version (/api/live, an in-memory
 * counter on the server) and re-renders the page's server components when it moved. The tab
 * title shows the number of new items: open queue items, or new meldingen in the inbox.
 */
export function LiveRefresh({
  scope,
  title,
  meldingId,
}: {
  scope: 'postvak' | 'meldingen' | 'melding';
  title: string;
  /** On a melding's page: refresh only when this melding changed (each refresh is an audited view). */
  meldingId?: string;
}) {
  const router = useRouter();
  const version = useRef<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        if (document.visibilityState === 'visible') {
          const url = meldingId ? `/api/live?melding=${encodeURIComponent(meldingId)}` : '/api/live';
          const response = await fetch(url, { cache: 'no-store' });
          if (response.ok) {
            const live = (await response.json()) as { version: string; open: number; nieuw: number };
            if (version.current !== null && live.version !== version.current) router.refresh();
            version.current = live.version;
            const count = scope === 'postvak' ? live.open : scope === 'meldingen' ? live.nieuw : 0;
            document.title = count > 0 ? `(${count}) ${title} · meldpost` : `${title} · meldpost`;
          }
        }
      } catch {
        // Offline for a moment: the next poll tries again.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [router, scope, title, meldingId]);
  return null;
}
