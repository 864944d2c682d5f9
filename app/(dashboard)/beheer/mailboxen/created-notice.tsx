'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * "Mailbox aangemaakt" right after creating (`created`: the page was opened with `?aangemaakt`),
 * until the beheerder does the next thing: the first form sent or button pressed hides it. The
 * marker leaves the address through the router at once, so neither a later save (which renders
 * the page again) nor a reload brings the notice back; this component keeps it on screen meanwhile.
 */
export function CreatedNotice({ created }: { created: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const [shown, setShown] = useState(created);
  useEffect(() => {
    if (!created) return;
    router.replace(pathname, { scroll: false });
  }, [created, pathname, router]);
  useEffect(() => {
    if (!shown) return;
    const hide = (e: Event) => {
      if (e.type === 'submit' || (e.target instanceof Element && e.target.closest('button'))) setShown(false);
    };
    document.addEventListener('submit', hide, true);
    document.addEventListener('click', hide, true);
    return () => {
      document.removeEventListener('submit', hide, true);
      document.removeEventListener('click', hide, true);
    };
  }, [shown]);
  if (!shown) return null;
  return (
    <p role="status" className="text-green-800">
      Mailbox aangemaakt. Test nu de verbinding.
    </p>
  );
}
