'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Logout through next-auth (clears the cookie; its signOut event revokes the session row). */
export function LogoutButton({ className }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: '/login' });
      }}
      className={
        className ??
        'w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60'
      }
    >
      Uitloggen
    </button>
  );
}
