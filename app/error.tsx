'use client';

import Link from 'next/link';
import { StatusPage, primaryLinkClass, secondaryLinkClass } from './_status/status-page';

/**
 * An unexpected error while showing a page, in Dutch. Says nothing about the cause (the server
 * logged it with a stable code); the reference lets the beheerder find that log line.
 */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <StatusPage
      code="Fout 500"
      title="Er ging iets mis"
      actions={
        <>
          <button type="button" onClick={reset} className={primaryLinkClass}>
            Opnieuw proberen
          </button>
          <Link href="/" className={secondaryLinkClass}>
            Naar het overzicht
          </Link>
        </>
      }
    >
      <p>
        Deze pagina kon niet worden getoond. Er is niets verloren gegaan van wat al was opgeslagen. Probeer
        het opnieuw; lukt het dan nog niet, neem contact op met de beheerder.
      </p>
      {error.digest && <p className="text-sm text-slate-700">Referentie voor de beheerder: {error.digest}</p>}
    </StatusPage>
  );
}
