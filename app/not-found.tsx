import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { getSessionState } from '@/lib/web/current-user';
import { StatusPage, primaryLinkClass } from './_status/status-page';

export const metadata: Metadata = { title: 'Pagina niet gevonden' };

/**
 * 404 in Dutch, for signed-in and signed-out visitors alike. Rendered per request (connection()),
 * so Next's scripts carry the CSP nonce and the way on fits the visitor.
 */
export default async function NotFound() {
  await connection();
  const signedIn = (await getSessionState().catch(() => null))?.stage === 'ready';
  return (
    <StatusPage
      code="Fout 404"
      title="Deze pagina bestaat niet"
      actions={
        signedIn ? (
          <Link href="/" className={primaryLinkClass}>
            Naar het overzicht
          </Link>
        ) : (
          <Link href="/login" className={primaryLinkClass}>
            Naar inloggen
          </Link>
        )
      }
    >
      <p>
        De pagina die u zocht is er niet (meer), of u mag haar niet zien. Controleer het adres, of ga verder
        vanaf {signedIn ? 'het overzicht' : 'de inlogpagina'}.
      </p>
    </StatusPage>
  );
}
