import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: 'Melding registreren' };
export const dynamic = 'force-dynamic';

/** A melding that came by phone, by other mail or from a partner, into the same inbox (afspraak 1). */
export default async function RegisterMeldingPage() {
  await requireUser(['MEDEWERKER']);
  return (
    <section className="space-y-4">
      <p>
        <Link href="/meldingen" className="text-sm text-brand-700 underline">
          ‹ Terug naar meldingen
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Melding registreren</h1>
      <p className="text-sm text-slate-700">
        Voor een melding die niet via de protocolmail binnenkwam: telefonisch, per e-mail buiten het protocol
        of doorgestuurd door een partner. Een mail in het{' '}
        <Link href="/postvak" className="text-brand-700 underline">
          postvak
        </Link>{' '}
        met een meldformulier registreert u daar. Er gaat geen signaal naar de politie.
      </p>
      <RegisterForm />
    </section>
  );
}
