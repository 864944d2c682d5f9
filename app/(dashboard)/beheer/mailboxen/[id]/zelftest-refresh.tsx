'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const POLL_MS = 2000;

/** While a keten-zelftest runs, re-renders the page every few seconds so each step shows as it passes. */
export function ZelftestRefresh({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
