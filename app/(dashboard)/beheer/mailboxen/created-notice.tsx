'use client';

import { useEffect } from 'react';

/**
 * "Mailbox aangemaakt" once, right after creating: the `?aangemaakt` marker leaves the address as
 * soon as it is shown, so a later save (which renders the page again) no longer repeats it.
 */
export function CreatedNotice() {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete('aangemaakt');
    window.history.replaceState(window.history.state, '', url);
  }, []);
  return (
    <p role="status" className="text-green-800">
      Mailbox aangemaakt. Test nu de verbinding.
    </p>
  );
}
