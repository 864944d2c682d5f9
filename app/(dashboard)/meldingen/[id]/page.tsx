import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { getDb } from '@/lib/db/client';
import {
  BEOORDELING_LABELS,
  KANAAL_LABELS,
  PRIORITEIT_LABELS,
  STATUS_LABELS,
  UITKOMST_LABELS,
  type TBadge,
} from '@/lib/melding/labels';
import { soortLabel } from '@/lib/melding/soort-melding';
import { getSettings } from '@/lib/settings/get-settings';
import { aanvullingPrompt } from '@/lib/ingest/decide';
import { AppError } from '@/lib/errors';
import { getEerdereMeldingen } from '@/lib/melding/get-eerdere-meldingen';
import { getMailDraft } from '@/lib/melding/get-mail-draft';
import { getMeldingById } from '@/lib/melding/get-melding-by-id';
import { getMeldingEmail } from '@/lib/melding/get-melding-email';
import { getMeldingTimeline } from '@/lib/melding/get-melding-timeline';
import { listAndereMeldpunten } from '@/lib/werkgebied/list-andere-meldpunten';
import { listMedewerkers } from '@/lib/users/list-medewerkers';
import { Badges } from '../badges';
import { formatDateTime, formatDay, werkdagenLabel } from '../format';
import { ActionsPanel } from './actions-panel';
import { DoorsturenForm } from './doorsturen-form';
import { VersionsSection } from './versions-section';
import { getMeldingVersions } from '@/lib/melding/get-melding-versions';
import { FormView } from './form-view';
import { Timeline } from './timeline';
import { LiveRefresh } from '../../live-refresh';

export const metadata: Metadata = { title: 'Melding' };
export const dynamic = 'force-dynamic';

export default async function MeldingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(['MEDEWERKER']);
  const { id } = await params;
  const acting = { db: getDb(), user, actor: await auditActor(user) };
  const m = await getMeldingById({ ...acting, meldingId: id }).catch((err) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  const [
    timeline,
    eerdere,
    email,
    colleagues,
    aanvulling,
    nietInBehandeling,
    terugkoppeling,
    meldpunten,
    versions,
    { soortenMelding },
  ] = await Promise.all([
    getMeldingTimeline({ ...acting, meldingId: m.id }),
    getEerdereMeldingen({ ...acting, meldingId: m.id }),
    getMeldingEmail({ ...acting, meldingId: m.id }),
    listMedewerkers(acting),
    getMailDraft({ ...acting, meldingId: m.id, kind: 'AANVULLING' }),
    getMailDraft({ ...acting, meldingId: m.id, kind: 'NIET_IN_BEHANDELING' }),
    getMailDraft({ ...acting, meldingId: m.id, kind: 'TERUGKOPPELING' }),
    m.status === 'AFGEROND' ? [] : listAndereMeldpunten({ db: acting.db }),
    m.version > 1 ? getMeldingVersions({ ...acting, meldingId: m.id }) : null,
    getSettings({ db: acting.db }),
  ]);
  const badges: TBadge[] = [];
  if (m.overdue) badges.push('te_laat');
  if (m.telefonischContactGewenst) badges.push('telefonisch');
  if (m.veiligThuisGemeld) badges.push('veilig_thuis');
  if (eerdere.length) badges.push('eerder');
  if (m.hasWarnings) badges.push('waarschuwingen');
  if (!m.authenticityVerified) badges.push('niet_geverifieerd');
  if (m.reactieOntvangen && m.status !== 'AFGEROND') badges.push('reactie');
  if (m.buitenWerkgebied) badges.push('buiten_werkgebied');
  if (m.minderjarig) badges.push('minderjarig');
  if (m.herinneringNodig) badges.push('herinnering');
  const heropend = m.heropendDoorVersie !== null && m.status !== 'AFGEROND';
  if (heropend) badges.push('heropend');
  const naam = [m.voornamen, m.voorvoegsel, m.achternaam].filter(Boolean).join(' ') || 'Naam onbekend';
  const askAanvulling = aanvullingPrompt(m.warnings as { field: string }[], !!m.behandelaarEmail);
  const pdf = m.attachments.find((a) => a.isForm);

  return (
    <article>
      <p className="text-sm">
        <Link href="/meldingen" className="text-brand-700 underline">
          ‹ Terug naar meldingen
        </Link>
      </p>
      <LiveRefresh scope="melding" title={`Melding ${m.kenmerk}`} meldingId={m.id} />
      <header className="mt-2 rounded border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">Melding {m.kenmerk}</h1>
          <p className="text-lg">
            <span className="font-medium">{STATUS_LABELS[m.status]}</span>
            {m.uitkomst && (
              <span>
                {' '}
                — {UITKOMST_LABELS[m.uitkomst]}
                {m.loketAdvies ? ` (${m.loketAdvies})` : ''}
              </span>
            )}
          </p>
        </div>
        <p className="mt-1 text-slate-800">
          {naam}, geboren {formatDay(m.geboortedatum)}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          Ontvangen {formatDateTime(m.receivedAt)} ({werkdagenLabel(m.werkdagenGeleden)})
          {m.overdue ? ` — niet beoordeeld binnen ${m.werkdagenBeoordeling} werkdagen` : ''} · Behandelaar
          meldpunt: {m.assignee ? (m.assignee.name ?? m.assignee.email) : 'niemand'}
          {m.doorgestuurd ? ` · Doorgestuurd door ${m.doorgestuurdDoor}` : ''}
          {m.version > 1 ? (
            <>
              {' · '}
              <a href="#versies" className="text-brand-700 underline">
                Versie {m.version}: zie wat er veranderde
              </a>
            </>
          ) : (
            ''
          )}
          {' · Via '}
          <span data-testid="kanaal">{KANAAL_LABELS[m.kanaal]}</span>
          {m.registeredBy ? ` (geregistreerd door ${m.registeredBy})` : ''}
        </p>
        <p className="mt-1 text-sm text-slate-800" data-testid="beoordeling">
          {m.beoordeling && m.prioriteit ? (
            <>
              Beoordeling: <span className="font-medium">{BEOORDELING_LABELS[m.beoordeling]}</span> ·
              Prioriteit: <span className="font-medium">{PRIORITEIT_LABELS[m.prioriteit]}</span>
              {' · Soort melding: '}
              <span className="font-medium" data-testid="soorten">
                {m.soorten.length
                  ? m.soorten.map((k) => soortLabel(k, soortenMelding)).join(', ')
                  : 'niet gekozen'}
              </span>
            </>
          ) : (
            'Nog niet beoordeeld'
          )}
        </p>
        <p className="mt-1 text-sm text-slate-700" data-testid="gemeente">
          Gemeente: {m.gemeente ?? 'onbekend'}
          {m.gemeente &&
            (m.gemeenteBron === 'POSTCODE'
              ? ' (afgeleid uit de postcode via het werkgebied)'
              : ' (plaatsnaam uit het formulier: de postcode ligt in geen postcodegebied van het werkgebied)')}
        </p>
        {askAanvulling && m.status !== 'AFGEROND' && !m.aanvullingGevraagd && (
          <p role="note" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
            {askAanvulling === 'email'
              ? 'Het formulier is onvolledig: vraag de politie om aanvulling (actie "Verzoek om aanvulling").'
              : 'Het formulier is onvolledig en er staat geen e-mailadres van de behandelaar in: bel de politie voor aanvulling.'}
          </p>
        )}
        <div className="mt-2">
          <Badges badges={badges} />
        </div>
        {m.corrected && !m.corrected.behandelaar.telefoon && (
          <p role="note" className="mt-2 text-sm text-amber-900">
            Het formulier bevat geen telefoonnummer van de behandelaar (afspraak 5): vraag het na als u
            telefonisch wilt afstemmen.
          </p>
        )}
        {heropend && (
          <p
            role="note"
            className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900"
            data-testid="heropend"
          >
            Deze melding was afgerond en is heropend doordat versie {m.heropendDoorVersie} van het formulier
            binnenkwam.{' '}
            <a href="#versies" className="underline">
              Bekijk wat er veranderde
            </a>{' '}
            en beoordeel de melding opnieuw.
          </p>
        )}
        {m.minderjarig && m.status !== 'AFGEROND' && (
          <p role="note" className="mt-2 text-sm text-purple-900">
            De betrokkene was minderjarig bij het voorval: volgens de werkafspraken gaan meldingen over
            minderjarigen en huiselijk geweld naar Veilig Thuis.
          </p>
        )}
      </header>

      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          <section aria-labelledby="formulier">
            <div className="flex items-baseline justify-between">
              <h2 id="formulier" className="text-lg font-semibold">
                Meldformulier
              </h2>
              {pdf && (
                <a
                  href={`/meldingen/${m.id}/bijlagen/${pdf.id}`}
                  download
                  className="text-sm text-brand-700 underline"
                >
                  Origineel formulier (PDF) downloaden
                </a>
              )}
            </div>
            {m.formulier && m.corrected ? (
              <div className="mt-2">
                <FormView
                  meldingId={m.id}
                  formulier={m.formulier}
                  corrected={m.corrected}
                  warnings={m.warnings}
                  corrections={m.corrections}
                  canCorrect={!m.anonymisedAt}
                />
              </div>
            ) : (
              <p className="mt-2 text-slate-700">
                De persoonsgegevens van deze melding zijn verwijderd na de bewaartermijn.
              </p>
            )}
          </section>

          <section aria-labelledby="email" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="email" className="text-lg font-semibold">
              E-mail van de politie
            </h2>
            {email ? (
              <>
                <p className="mt-1 text-sm text-slate-700">
                  Van {email.from ?? 'onbekend'}
                  {email.date ? ` · ${formatDateTime(email.date)}` : ''}
                  {email.subject ? ` · ${email.subject}` : ''}
                </p>
                {email.authenticity && email.authenticity.verdict !== 'pass' && (
                  <p className="mt-1 text-sm font-medium text-red-800">
                    Afzender niet geverifieerd
                    {email.authenticity.reason ? `: ${email.authenticity.reason}` : ''}
                  </p>
                )}
                {email.releasedBy && (
                  <p className="mt-1 text-sm font-medium text-amber-900">
                    Handmatig vrijgegeven door {email.releasedBy}
                  </p>
                )}
                <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans text-sm">
                  {email.text ?? '(geen tekstdeel)'}
                </pre>
                {email.html && (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-brand-700 underline">
                      Opgemaakte versie tonen (veilig weergegeven, zonder externe inhoud)
                    </summary>
                    <iframe
                      title="Opgemaakte versie van de e-mail"
                      sandbox=""
                      srcDoc={email.html}
                      referrerPolicy="no-referrer"
                      className="mt-2 h-80 w-full rounded border border-slate-300 bg-white"
                    />
                  </details>
                )}
                {m.attachments.filter((a) => !a.isForm).length > 0 && (
                  <ul className="mt-2 text-sm">
                    {m.attachments
                      .filter((a) => !a.isForm)
                      .map((a) => (
                        <li key={a.id}>
                          <a
                            href={`/meldingen/${m.id}/bijlagen/${a.id}`}
                            className="text-brand-700 underline"
                          >
                            {a.filename}
                          </a>{' '}
                          ({Math.ceil(a.size / 1024)} kB)
                        </li>
                      ))}
                  </ul>
                )}
              </>
            ) : (
              <p className="mt-1 text-sm text-slate-700">De e-mail is niet (meer) beschikbaar.</p>
            )}
          </section>
        </div>

        <aside className="space-y-4" aria-label="Acties en geschiedenis">
          <section aria-labelledby="acties">
            {/* The target of the skip link "Naar de acties" (../../skip-links.tsx). */}
            <h2 id="acties" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              Acties
            </h2>
            <div className="mt-2">
              <ActionsPanel
                m={m}
                userId={user.id}
                colleagues={colleagues}
                aanvulling={aanvulling}
                nietInBehandeling={nietInBehandeling}
                terugkoppeling={terugkoppeling}
                soortenMelding={soortenMelding}
              />
            </div>
            {m.status !== 'AFGEROND' && (
              <div className="mt-2">
                <DoorsturenForm
                  m={m}
                  meldpunten={meldpunten}
                  attachments={m.attachments}
                  officerAddress={aanvulling.recipient}
                />
              </div>
            )}
          </section>
          <section aria-labelledby="eerdere" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="eerdere" className="text-lg font-semibold">
              Eerdere meldingen
            </h2>
            {eerdere.length ? (
              <ul className="mt-2 space-y-1 text-sm">
                {eerdere.map((e) => (
                  <li key={e.id}>
                    <Link href={`/meldingen/${e.id}`} className="text-brand-700 underline">
                      {e.kenmerk}
                    </Link>{' '}
                    · {formatDateTime(e.receivedAt)} · {STATUS_LABELS[e.status]}
                    {e.uitkomst ? ` — ${UITKOMST_LABELS[e.uitkomst]}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-700">
                Geen andere meldingen over deze persoon (zelfde BSN, of zelfde achternaam en geboortedatum).
              </p>
            )}
          </section>
          {versions && <VersionsSection meldingId={m.id} versions={versions} />}
          <section aria-labelledby="tijdlijn" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="tijdlijn" className="text-lg font-semibold">
              Tijdlijn
            </h2>
            <div className="mt-2">
              <Timeline events={timeline} />
            </div>
          </section>
        </aside>
      </div>
    </article>
  );
}
