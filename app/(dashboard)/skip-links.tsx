'use client';

import { usePathname } from 'next/navigation';

const skipClass =
  'sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900';

/**
 * Skip links, the first stops of the tab order: to the content, and on pages with a panel of
 * actions straight to it (a keyboard user would otherwise pass every link of the form first).
 * A page adds its target by pattern here; the target element carries the id and tabIndex -1.
 */
const PAGE_TARGETS: { path: RegExp; href: string; label: string }[] = [
  { path: /^\/meldingen\/[^/]+$/, href: '#acties', label: 'Naar de acties' },
];

export function SkipLinks() {
  const pathname = usePathname();
  return (
    <>
      <a href="#inhoud" className={skipClass}>
        Naar de inhoud
      </a>
      {PAGE_TARGETS.filter((t) => t.path.test(pathname)).map((t) => (
        <a key={t.href} href={t.href} className={skipClass}>
          {t.label}
        </a>
      ))}
    </>
  );
}
