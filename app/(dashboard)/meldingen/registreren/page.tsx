import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/db/client';
import { getFormReview } from '@/lib/form-review/get-form-review';
import type { TMeldformulier } from '@/lib/form/schema';
import { auditActor } from '@/lib/web/request-origin';
import { requireUser } from '@/lib/web/require-user';
import { LiveRefresh } from '../../live-refresh';
import { linkVersionAction, registerAction } from '../../postvak/actions';
import { QueueActionForm } from '../../postvak/queue-action-form';
import { FormView } from '../[id]/form-view';
import { RegisterForm } from './register-form';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Melding registreren' };
export const dynamic = 'force-dynamic';

/** The typed fields of the registration form, filled from a read form for review. */
function fieldsOf(formulier: TMeldformulier): Record<string, string> {
  const { betrokkene: b, behandelaar } = formulier;
  const entries: [string, string | null][] = [
    ['kenmerk', formulier.kenmerk],
    ['voornamen', b.voornamen],
    ['voorvoegsel', b.voorvoegsel],
    ['achternaam', b.achternaam],
    ['geboortedatum', b.geboortedatum],
    ['bsn', b.bsn],
    ['adres', b.adres],
    ['postcode', b.postcode],
    ['plaats', b.plaats],
    ['redenAanmelding', formulier.redenAanmelding],
    ['behandelaarNaam', behandelaar.naam],
    ['behandelaarTelefoon', behandelaar.telefoon],
    ['behandelaarEmail', behandelaar.email],
    ['telefonischContactGewenst', formulier.telefonischContactGewenst === 'ja' ? 'on' : null],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, string] => !!e[1]));
}

function Findings({ messages, tone }: { messages: string[]; tone: 'error' | 'warning' }) {
  if (messages.length === 0) return null;
  return (
    <div
      role={tone === 'error' ? 'alert' : undefined}
      className={`rounded border p-3 text-sm ${tone === 'error' ? 'border-red-300 bg-red-50 text-red-950' : 'border-orange-300 bg-orange-50 text-orange-950'}`}
    >
      <h2 className="font-medium">{tone === 'error' ? 'Fouten bij het lezen' : 'Controleer deze punten'}</h2>
      <ul className="mt-1 list-disc pl-5">
        {messages.map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A melding that came by phone, by other mail or from a partner, into the same inbox (afspraak 1):
 * typed in, or from an uploaded form the worker reads. A form read from a work-queue message is
 * shown here for review before it is registered.
 */
export default async function RegisterMeldingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(['MEDEWERKER']);
  const formulierId = (await searchParams).formulier;
  const review =
    typeof formulierId === 'string'
      ? await getFormReview({ db: getDb(), actor: await auditActor(user), id: formulierId }).catch(
          (err: unknown) => {
            if (err instanceof AppError && err.code === 'not_found') notFound();
            throw err;
          },
        )
      : null;
  const read = review?.state === 'READ' ? review.result : null;
  return (
    <section className="space-y-4">
      <p>
        <Link href="/meldingen" className="text-sm text-brand-700 underline">
          ‹ Terug naar meldingen
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Melding registreren</h1>
      {review?.state === 'PENDING' && (
        <p role="status" className="rounded bg-slate-100 p-3" data-testid="form-review-pending">
          <LiveRefresh scope="melding" title="Melding registreren" />
          Het formulier wordt gelezen… Deze pagina vult de gegevens in zodra dat klaar is.
        </p>
      )}
      {read && (
        <>
          <Findings tone="error" messages={read.errors.map((e) => e.message)} />
          <Findings tone="warning" messages={read.warnings.map((w) => w.message)} />
        </>
      )}
      {review?.inboundMessageId ? (
        read && (
          <div className="space-y-4">
            <p className="text-sm text-slate-700">
              Dit is wat meldpost uit het formulier bij het bericht leest. Klopt het, registreer het dan als
              melding; de politie krijgt het acceptatiesignaal als het een protocolmelding is. Een veld dat
              niet klopt corrigeert u daarna op de melding.
            </p>
            {read.formulier ? (
              <FormView
                meldingId=""
                formulier={read.formulier}
                corrected={read.formulier}
                warnings={read.warnings}
                corrections={[]}
                canCorrect={false}
              />
            ) : (
              <p className="text-sm">
                Er is geen formulier te lezen; registreer de melding met de hand hieronder.
              </p>
            )}
            <div className="grid gap-3 md:grid-cols-2">
              {read.formulier && (
                <QueueActionForm
                  action={registerAction}
                  id={review.inboundMessageId}
                  title="Registreren als melding"
                  submitLabel="Gegevens kloppen: registreren"
                  reasonLabel="Waarom registreren?"
                />
              )}
              {read.formulier && (
                <QueueActionForm
                  action={linkVersionAction}
                  id={review.inboundMessageId}
                  title="Of: als nieuwe versie van het formulier bij een bestaande melding"
                  submitLabel="Koppelen als nieuwe versie"
                  reasonLabel="Waarom bij deze melding?"
                >
                  <input type="hidden" name="formulierId" value={review.id} />
                  <label className="block text-sm">
                    Kenmerk van de melding
                    <input
                      name="kenmerk"
                      required
                      defaultValue={read.formulier.kenmerk}
                      className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 text-sm"
                    />
                  </label>
                </QueueActionForm>
              )}
              <p className="text-sm">
                <Link href={`/postvak/${review.inboundMessageId}`} className="text-brand-700 underline">
                  Terug naar het bericht in het postvak
                </Link>
              </p>
            </div>
          </div>
        )
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Voor een melding die niet via de protocolmail binnenkwam: telefonisch, per e-mail buiten het
            protocol of doorgestuurd door een partner. Een mail in het{' '}
            <Link href="/postvak" className="text-brand-700 underline">
              postvak
            </Link>{' '}
            met een meldformulier registreert u daar. Er gaat geen signaal naar de politie.
          </p>
          {(!review || (read && !read.formulier)) && <UploadForm />}
          {read?.formulier ? (
            <>
              <p className="text-sm font-medium">
                Ingelezen uit {review!.filename}: controleer de gegevens, vul aan en kies het kanaal. Het
                bestand wordt bij de melding bewaard.
              </p>
              <RegisterForm initial={fieldsOf(read.formulier)} formulierId={review!.id} />
            </>
          ) : (
            review?.state !== 'PENDING' && <RegisterForm />
          )}
        </>
      )}
    </section>
  );
}
