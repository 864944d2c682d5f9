'use client';

import { useEffect, useState } from 'react';

/**
 * "Mailbox aangemaakt" right after creating, until the beheerder does the next thing: the first
 * form sent or button pressed on the page hides it, and the `?aangemaakt` marker leaves the
 * address at once, so a reload does not bring it back either.
 */
export function CreatedNotice() {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete('aangemaakt');
    window.history.replaceState(window.history.state, '', url);
    const hide = (e: Event) => {
      if (e.type === 'submit' || (e.target instanceof Element && e.target.closest('button'))) setShown(false);
    };
    document.addEventListener('submit', hide, true);
    document.addEventListener('click', hide, true);
    return () => {
      document.removeEventListener('submit', hide, true);
      document.removeEventListener('click', hide, true);
    };
  }, []);
  if (!shown) return null;
  return (
    <p role="status" className="text-green-800">
      Mailbox aangemaakt. Test nu de verbinding.
    </p>
  );
}
