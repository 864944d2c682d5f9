'use client';

import { signIn } from 'next-auth/react';

export function OidcButton({ name }: { name: string }) {
  return (
    <div className="mt-6 border-t border-slate-200 pt-6">
      <button
        type="button"
        onClick={() => signIn('oidc', { callbackUrl: '/login' })}
        className="w-full rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        Inloggen met {name}
      </button>
    </div>
  );
}
