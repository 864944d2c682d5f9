'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A main-menu link that marks the current section (aria-current) for screen readers and sight. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const current = usePathname().startsWith(href);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`block rounded px-3 py-2 text-sm font-medium hover:bg-brand-700 ${current ? 'bg-brand-700 underline underline-offset-4' : ''}`}
    >
      {children}
    </Link>
  );
}
