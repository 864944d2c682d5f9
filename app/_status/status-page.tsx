import type { ReactNode } from 'react';

/**
 * The frame of the not-found and error pages, in the app's own style (Tailwind classes from our
 * stylesheet: the CSP forbids the inline styles of Next's defaults). A landmark, one heading, a
 * plain explanation and the ways on.
 */
export function StatusPage({
  code,
  title,
  children,
  actions,
}: {
  code: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <main id="inhoud" className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-lg rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-medium text-slate-700">{code}</p>
        <h1 className="mt-1 text-2xl font-semibold text-brand-900">{title}</h1>
        <div className="mt-3 space-y-2 text-slate-800">{children}</div>
        <div className="mt-6 flex flex-wrap items-center gap-4">{actions}</div>
      </div>
    </main>
  );
}

export const primaryLinkClass =
  'rounded bg-brand-600 px-4 py-2 font-medium text-brand-contrast hover:bg-brand-700';
export const secondaryLinkClass = 'text-brand-700 underline';
