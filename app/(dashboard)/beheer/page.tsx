import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getServiceSummary } from '@/lib/health/get-service-summary';
import { getSettings } from '@/lib/settings/get-settings';
import { listMailboxStatus } from '@/lib/mailbox/list-mailbox-status';
import { getSetupChecklist } from '@/lib/settings/get-setup-checklist';
import { getAdreslijstMelding } from '@/lib/werkgebied/get-adreslijst-melding';
import { formatDateTime } from './_shared/format';
import { AdreslijstMelding } from './_overview/adreslijst-melding';
import { SetupChecklist } from './_overview/setup-checklist';
import { countOpenQueueItems } from '@/lib/ingest/count-open-queue-items';
import { alertText } from './mailboxen/alert-text';

export const metadata: Metadata = { title: 'Beheer' };
export const dynamic = 'force-dynamic';

const SECTIONS = [
  {
    href: '/beheer/mailboxen',
    title: 'Mailboxen',
    text: 'Verbindingen, inloggegevens, status, geparkeerde berichten.',
  },
  {
    href: '/beheer/gebruikers',
    title: 'Gebruikers',
    text: 'Accounts, rollen, tweede factor, deactiveren, toegangsoverzicht.',
  },
  {
    href: '/beheer/sjablonen',
    title: 'Sjablonen',
    text: 'Teksten voor aanvulling, niet in behandeling en terugkoppeling.',
  },
  {
    href: '/beheer/werkgebied',
    title: 'Werkgebied',
    text: 'Gemeenten en postcodes van het meldpunt, andere meldpunten.',
  },
  {
    href: '/beheer/bewaartermijn',
    title: 'Bewaartermijn en rechten',
    text: 'Bewaartermijn, opschonen, inzage en verwijderen per persoon.',
  },
  {
    href: '/beheer/audit',
    title: 'Auditlog',
    text: 'Wie deed wat, per gebruiker, melding of persoon; export.',
  },
  {
    href: '/beheer/instellingen',
    title: 'Instellingen',
    text: 'Naam en telefoon van het meldpunt, werkdagen, alarmen.',
  },
] as const;

export default async function AdminOverviewPage() {
  const user = await requireUser(['BEHEERDER']);
  const db = getDb();
  const [mailboxes, settings, checklist, adreslijst, waiting] = await Promise.all([
    listMailboxStatus({ db, actor: await auditActor(user) }),
    getSettings({ db }),
    getSetupChecklist({ db }),
    getAdreslijstMelding({ db }),
    countOpenQueueItems({ db, role: user.role }),
  ]);
  const alerts = mailboxes.flatMap((mb) =>
    mb.alerts.map((a) => ({
      key: `${mb.id}-${a}`,
      id: mb.id,
      text: alertText(a, mb, settings.syncAlarmMinuten),
    })),
  );
  const noMailbox = !mailboxes.some((m) => m.active);
  const service = getServiceSummary({ dataDir: getEnv().dataDir });
  const serviceAlerts = [
    ...service.restartLoops.map(
      (p) =>
        `Het proces "${p.name}" wordt steeds opnieuw gestart (${p.restarts} keer sinds de start${
          p.lastExitAt ? `, laatst ${formatDateTime(new Date(p.lastExitAt))}` : ''
        }); zie de logs van de server.`,
    ),
    ...(service.backup.problem ? [`${service.backup.problem}; zie de logs van de server.`] : []),
  ];
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Beheer</h1>
      <SetupChecklist items={checklist} />
      {adreslijst && <AdreslijstMelding prepared={adreslijst} />}
      {(alerts.length > 0 || noMailbox || waiting > 0 || serviceAlerts.length > 0) && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <h2 className="font-semibold">Aandacht nodig</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {noMailbox && (
              <li>
                Er is geen actieve mailbox: er komen geen meldingen binnen.{' '}
                <Link href="/beheer/mailboxen" className="underline">
                  Mailbox instellen
                </Link>
              </li>
            )}
            {waiting > 0 && (
              <li>
                <Link href="/postvak" className="underline">
                  {waiting === 1
                    ? '1 bericht in het postvak wacht op actie'
                    : `${waiting} berichten in het postvak wachten op actie`}
                </Link>
              </li>
            )}
            {serviceAlerts.map((text) => (
              <li key={text}>{text}</li>
            ))}
            {alerts.map((a) => (
              <li key={a.key}>
                <Link href={`/beheer/mailboxen/${a.id}`} className="underline">
                  {a.text}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!alerts.length && !noMailbox && !waiting && (
        <p role="status" className="text-green-800">
          Alle mailboxen zijn in orde en er wacht niets in het postvak.
        </p>
      )}
      <p className="text-sm text-slate-700" data-testid="backup-status">
        {service.backup.scheduled
          ? `Dagelijkse back-up in de datamap (de nieuwste ${service.backup.keep} blijven bewaard); laatste geslaagde: ${
              service.backup.lastSuccessAt
                ? formatDateTime(new Date(service.backup.lastSuccessAt))
                : 'nog geen'
            }.`
          : service.backup.lastSuccessAt
            ? `Laatste geslaagde back-up: ${formatDateTime(new Date(service.backup.lastSuccessAt))} (geen dagelijkse back-up ingepland).`
            : 'Er is geen dagelijkse back-up ingepland (alleen bij de ingebouwde database; met een eigen PostgreSQL regelt u de back-up zelf).'}
      </p>
      <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href} className="rounded border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">
              <Link href={s.href} className="text-brand-700 underline">
                {s.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-700">{s.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
