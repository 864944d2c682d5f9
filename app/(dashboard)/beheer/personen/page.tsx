import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/require-user';
import { AdminHeading } from '../_shared/admin-heading';
import { PersonPanel } from './person-panel';

export const metadata: Metadata = { title: 'Rechten van betrokkenen' };
export const dynamic = 'force-dynamic';

export default async function PersonenPage() {
  await requireUser(['BEHEERDER']);
  return (
    <section>
      <AdminHeading title="Rechten van betrokkenen">
        Voor een verzoek om inzage of verwijdering (AVG): zoek de persoon op BSN, of op achternaam en
        geboortedatum. Elke zoekopdracht, export en verwijdering wordt vastgelegd in het logboek.
      </AdminHeading>
      <PersonPanel />
    </section>
  );
}
