'use client';

import './globals.css';
import { StatusPage, primaryLinkClass } from './_status/status-page';

/** When even the page frame fails: a whole document of its own, in Dutch and in the app's style. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="nl">
      <head>
        <title>Er ging iets mis · meldpost</title>
      </head>
      <body className="min-h-screen bg-page text-ink antialiased">
        <StatusPage
          code="Fout 500"
          title="Er ging iets mis"
          actions={
            // A full page load on purpose: the app's frame itself failed.
            // eslint-disable-next-line @next/next/no-html-link-for-pages
            <a href="/" className={primaryLinkClass}>
              Opnieuw laden
            </a>
          }
        >
          <p>
            meldpost kon deze pagina niet tonen. Wat al was opgeslagen is bewaard. Laad de pagina opnieuw;
            lukt het dan nog niet, neem contact op met de beheerder.
          </p>
          {error.digest && (
            <p className="text-sm text-slate-700">Referentie voor de beheerder: {error.digest}</p>
          )}
        </StatusPage>
      </body>
    </html>
  );
}
