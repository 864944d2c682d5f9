import Link from 'next/link';
import type { ReactNode } from 'react';

/** The heading of an administration page, with the way back to the overview. */
export function AdminHeading({
  title,
  children,
  back = { href: '/beheer', label: 'Beheer' },
}: {
  title: string;
  children?: ReactNode;
  back?: { href: string; label: string };
}) {
  return (
    <div className="mb-6">
      <nav aria-label="Kruimelpad" className="text-sm">
        <Link href={back.href} className="text-brand-700 underline">
          {back.label}
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      {children && <div className="mt-2 text-slate-700">{children}</div>}
    </div>
  );
}
