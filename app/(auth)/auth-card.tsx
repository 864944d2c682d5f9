import type { ReactNode } from 'react';
import { getDb } from '@/lib/db/client';
import { getHuisstijl } from '@/lib/theme/get-huisstijl';

/** The frame of every sign-in step: product name, a line of explanation, the step's form. */
export async function AuthCard({
  intro,
  children,
  wide = false,
}: {
  intro: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const huisstijl = await getHuisstijl({ db: getDb() });
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div
        className={`w-full ${wide ? 'max-w-lg' : 'max-w-sm'} rounded-lg border border-slate-200 bg-white p-8 shadow-sm`}
      >
        <h1 className="flex items-center gap-2 text-2xl font-semibold text-brand-900">
          {huisstijl.logoHref && (
            // eslint-disable-next-line @next/next/no-img-element -- a small logo from our own origin
            <img src={huisstijl.logoHref} alt="" height={32} className="h-8 w-auto" />
          )}
          {huisstijl.naam}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{intro}</p>
        {children}
      </div>
    </main>
  );
}
