import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/require-user';
import { getDb } from '@/lib/db/client';
import { getWerkgebied } from '@/lib/werkgebied/get-werkgebied';
import { listAndereMeldpunten } from '@/lib/werkgebied/list-andere-meldpunten';
import { AdminForm } from '../_shared/admin-form';
import { AdminHeading } from '../_shared/admin-heading';
import { inputClass, labelClass, tdClass, thClass } from '../_shared/format';
import { addAnderMeldpuntAction, removeAnderMeldpuntAction, setWerkgebiedAction } from './actions';
import { rangesText } from './form-input';

export const metadata: Metadata = { title: 'Werkgebied' };
export const dynamic = 'force-dynamic';

export default async function WerkgebiedPage() {
  await requireUser(['BEHEERDER']);
  const db = getDb();
  const [werkgebied, meldpunten] = await Promise.all([getWerkgebied({ db }), listAndereMeldpunten({ db })]);
  const configured = werkgebied.gemeenten.length + werkgebied.postcodes.length > 0;
  return (
    <section>
      <AdminHeading title="Werkgebied">
        De gemeenten en postcodegebieden waarvoor dit meldpunt meldingen behandelt. Een melding over iemand
        die daarbuiten woont — of, zonder adres, over een voorval daarbuiten — krijgt het kenmerk{' '}
        <strong>buiten werkgebied</strong> en kan worden doorgestuurd naar een ander meldpunt.
      </AdminHeading>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="gebied" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="gebied" className="text-lg font-semibold">
            Gemeenten en postcodes
          </h2>
          {!configured && (
            <p className="mt-1 text-sm text-slate-700">
              Nog niet ingesteld: zolang het werkgebied leeg is, wordt geen enkele melding als buiten
              werkgebied gemarkeerd.
            </p>
          )}
          <AdminForm action={setWerkgebiedAction} submitLabel="Werkgebied opslaan" className="mt-3 space-y-3">
            <div>
              <label htmlFor="gemeenten" className={labelClass}>
                Gemeenten en plaatsen
              </label>
              <p id="gemeenten-hulp" className="text-sm text-slate-600">
                Eén per regel, zoals ze in het meldformulier staan (hoofdletters maken niet uit).
              </p>
              <textarea
                id="gemeenten"
                name="gemeenten"
                rows={8}
                aria-describedby="gemeenten-hulp"
                defaultValue={werkgebied.gemeenten.join('\n')}
                className={inputClass}
              />
            </div>
            <div>
              <label htmlFor="postcodes" className={labelClass}>
                Postcodegebieden (PC4)
              </label>
              <p id="postcodes-hulp" className="text-sm text-slate-600">
                Eén per regel: een bereik zoals 3000-3099, of één postcode zoals 3190, met daarachter de
                gemeente waarin het ligt (bijvoorbeeld 3000-3099 Rotterdam). De gemeente van een melding wordt
                afgeleid uit de postcode; zonder passend bereik met gemeente geldt de plaatsnaam uit het
                formulier (zichtbaar gemarkeerd op de melding).
              </p>
              <textarea
                id="postcodes"
                name="postcodes"
                rows={6}
                aria-describedby="postcodes-hulp"
                defaultValue={rangesText(werkgebied)}
                className={`${inputClass} font-mono`}
              />
            </div>
          </AdminForm>
        </section>

        <section aria-labelledby="meldpunten" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="meldpunten" className="text-lg font-semibold">
            Andere meldpunten
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Waar een melding buiten het werkgebied naartoe kan worden doorgestuurd, met het oorspronkelijke
            meldformulier.
          </p>
          {meldpunten.length === 0 ? (
            <p className="mt-3 text-sm">Er zijn nog geen andere meldpunten.</p>
          ) : (
            <table className="mt-3 w-full border-collapse text-sm">
              <caption className="sr-only">Andere meldpunten</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className={thClass}>
                    Naam
                  </th>
                  <th scope="col" className={thClass}>
                    E-mailadres
                  </th>
                  <th scope="col" className={thClass}>
                    <span className="sr-only">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {meldpunten.map((mp) => (
                  <tr key={mp.id} className="border-t border-slate-200">
                    <th scope="row" className={`${tdClass} text-left font-medium`}>
                      {mp.naam}
                    </th>
                    <td className={tdClass}>{mp.email}</td>
                    <td className={tdClass}>
                      <AdminForm
                        action={removeAnderMeldpuntAction}
                        submitLabel={`Verwijder ${mp.naam}`}
                        hidden={{ id: mp.id }}
                        danger
                        confirm={`${mp.naam} uit de lijst verwijderen?`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 className="mt-6 font-semibold">Meldpunt toevoegen</h3>
          <AdminForm action={addAnderMeldpuntAction} submitLabel="Toevoegen" className="mt-2 space-y-3">
            <div>
              <label htmlFor="naam" className={labelClass}>
                Naam
              </label>
              <input id="naam" name="naam" required maxLength={200} className={inputClass} />
            </div>
            <div>
              <label htmlFor="email" className={labelClass}>
                E-mailadres
              </label>
              <input id="email" name="email" type="email" required className={inputClass} />
            </div>
          </AdminForm>
        </section>
      </div>
    </section>
  );
}
