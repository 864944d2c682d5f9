'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { removeZelftestMailAction } from '../zelftest-actions';

const POLL_MS = 2000;

/**
 * While a keten-zelftest runs, re-renders the page every few seconds so each step shows as it
 * passes; once its signal is composed, removes the test mail (once; the button stays as fallback).
 */
export function ZelftestRefresh({
  running,
  remove,
}: {
  running: boolean;
  remove: { id: string; mailboxId: string } | null;
}) {
  const router = useRouter();
  const removing = useRef<string | null>(null);
  useEffect(() => {
    if (!remove || removing.current === remove.id) return;
    removing.current = remove.id;
    const form = new FormData();
    form.set('id', remove.id);
    form.set('mailboxId', remove.mailboxId);
    void removeZelftestMailAction(null, form).then(() => router.refresh());
  }, [remove, router]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
