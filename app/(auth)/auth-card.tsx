import type { ReactNode } from 'react';

/** The frame of every sign-in step: product name, a line of explanation, the step's form. */
export function AuthCard({
  intro,
  children,
  wide = false,
}: {
  intro: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div
        className={`w-full ${wide ? 'max-w-lg' : 'max-w-sm'} rounded-lg border border-slate-200 bg-white p-8 shadow-sm`}
      >
        <h1 className="text-2xl font-semibold text-brand-900">meldpost</h1>
        <p className="mt-1 text-sm text-slate-600">{intro}</p>
        {children}
      </div>
    </main>
  );
}
