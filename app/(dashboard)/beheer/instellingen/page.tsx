import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings/get-settings';
import { AdminForm } from '../_shared/admin-form';
import { AdminHeading } from '../_shared/admin-heading';
import { inputClass, labelClass } from '../_shared/format';
import { updateSettingsAction } from './actions';
import { updateHuisstijlAction } from './huisstijl-action';
import { updateSoortenMeldingAction } from './soorten-action';

export const metadata: Metadata = { title: 'Instellingen' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  await requireUser(['BEHEERDER']);
  const s = await getSettings({ db: getDb() });
  const number = (name: string, label: string, value: number, min: number, max: number, hint: string) => (
    <div>
      <label htmlFor={`set-${name}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`set-${name}`}
        name={name}
        type="number"
        min={min}
        max={max}
        required
        defaultValue={value}
        aria-describedby={`set-${name}-hint`}
        className={inputClass}
      />
      <p id={`set-${name}-hint`} className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
    </div>
  );
  return (
    <section>
      <AdminHeading title="Instellingen">
        Algemene instellingen van het meldpunt. De bewaartermijn stelt u in bij{' '}
        <Link href="/beheer/bewaartermijn" className="text-brand-700 underline">
          bewaartermijn
        </Link>{' '}
        (nu {s.bewaartermijnMaanden} maanden).
      </AdminHeading>
      <AdminForm
        action={updateSettingsAction}
        submitLabel="Opslaan"
        className="max-w-xl space-y-4 rounded border border-slate-200 bg-white p-4"
      >
        <div>
          <label htmlFor="set-meldpuntNaam" className={labelClass}>
            Naam van het meldpunt
          </label>
          <input
            id="set-meldpuntNaam"
            name="meldpuntNaam"
            required
            maxLength={200}
            defaultValue={s.meldpuntNaam}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="set-meldpuntTelefoon" className={labelClass}>
            Telefoonnummer van het meldpunt
          </label>
          <input
            id="set-meldpuntTelefoon"
            name="meldpuntTelefoon"
            type="tel"
            maxLength={50}
            defaultValue={s.meldpuntTelefoon}
            className={inputClass}
          />
        </div>
        {number(
          'werkdagenBeoordeling',
          'Werkdagen tot beoordeling',
          s.werkdagenBeoordeling,
          1,
          20,
          'Eigen termijn van het meldpunt: na zoveel werkdagen zonder beoordeling is een melding te laat. (De 2 werkdagen van afspraak 11 gaan over de bevestiging aan de politie; die verstuurt meldpost direct als acceptatiesignaal.)',
        )}
        {number(
          'herinneringWerkdagen',
          'Werkdagen tot herinnering',
          s.herinneringWerkdagen,
          1,
          20,
          'Na zoveel werkdagen zonder antwoord op een verzoek om aanvulling toont de melding "herinnering nodig".',
        )}
        <div>
          <label htmlFor="set-adressenlijstEmail" className={labelClass}>
            Adres voor wijzigingen in de landelijke adressenlijst (Bijlage B)
          </label>
          <input
            id="set-adressenlijstEmail"
            name="adressenlijstEmail"
            type="email"
            required
            defaultValue={s.adressenlijstEmail}
            className={inputClass}
          />
          <p className="mt-1 text-sm text-slate-600">
            Wijzigt het afleveradres of het werkgebied, dan moet dat volgens Bijlage B van het protocol hier
            worden gemeld.
          </p>
        </div>
        {number(
          'syncAlarmMinuten',
          'Synchronisatie-alarm (minuten)',
          s.syncAlarmMinuten,
          5,
          1440,
          'Een mailbox die langer niet is gesynchroniseerd, krijgt een waarschuwing.',
        )}
        {number(
          'outboxAchterstandMinuten',
          'Achterstand uitgaande mail (minuten)',
          s.outboxAchterstandMinuten,
          1,
          1440,
          'Wacht een uitgaande mail langer op verzending, dan meldt de statuscontrole "verminderd".',
        )}
        {number(
          'werkvoorraadUren',
          'Werkvoorraad (uren)',
          s.werkvoorraadUren,
          1,
          336,
          'Ligt een geparkeerd of mislukt bericht langer onbehandeld, dan meldt de statuscontrole "verminderd".',
        )}
        {number(
          'backupBewaarAantal',
          'Dagelijkse back-ups bewaren',
          s.backupBewaarAantal,
          1,
          365,
          'Zoveel dagelijkse back-ups blijven in de datamap staan; oudere worden na een geslaagde back-up verwijderd.',
        )}
        <div className="flex items-center gap-2">
          <input
            id="set-statistiekenVoorMedewerkers"
            name="statistiekenVoorMedewerkers"
            type="checkbox"
            defaultChecked={s.statistiekenVoorMedewerkers}
          />
          <label htmlFor="set-statistiekenVoorMedewerkers" className="text-sm">
            Medewerkers mogen de statistieken zien
          </label>
        </div>
      </AdminForm>

      <h2 className="mt-8 text-lg font-semibold">Soorten melding</h2>
      <p className="max-w-xl text-sm text-slate-700">
        De soorten waaruit medewerkers bij de beoordeling kiezen (meer keuzes mogelijk); de statistieken
        tellen per soort. Eén soort per regel. Haalt u een soort weg, dan houden bestaande meldingen die soort
        en blijven de statistieken hem tellen; hij wordt alleen niet meer aangeboden.
      </p>
      <AdminForm
        action={updateSoortenMeldingAction}
        submitLabel="Soorten opslaan"
        className="mt-3 max-w-xl space-y-4 rounded border border-slate-200 bg-white p-4"
      >
        <div>
          <label htmlFor="set-soortenMelding" className={labelClass}>
            Soorten melding (één per regel)
          </label>
          <textarea
            id="set-soortenMelding"
            name="soortenMelding"
            rows={10}
            required
            maxLength={10000}
            defaultValue={s.soortenMelding
              .filter((soort) => soort.actief)
              .map((soort) => soort.label)
              .join('\n')}
            className={inputClass}
          />
        </div>
        {s.soortenMelding.some((soort) => !soort.actief) && (
          <p className="text-sm text-slate-600">
            Niet meer aangeboden (blijft op bestaande meldingen):{' '}
            {s.soortenMelding
              .filter((soort) => !soort.actief)
              .map((soort) => soort.label)
              .join(', ')}
          </p>
        )}
      </AdminForm>

      <h2 className="mt-8 text-lg font-semibold">Huisstijl</h2>
      <p className="max-w-xl text-sm text-slate-700">
        Naam en kleur van uw organisatie in de kopbalk, op knoppen en links. Leeg laten gebruikt de instelling
        van de server (omgevingsvariabelen MELDPOST_HUISSTIJL_*, ook voor een logo en een eigen NL Design
        System-thema), anders die van meldpost.
      </p>
      <AdminForm
        action={updateHuisstijlAction}
        submitLabel="Huisstijl opslaan"
        className="mt-3 max-w-xl space-y-4 rounded border border-slate-200 bg-white p-4"
      >
        <div>
          <label htmlFor="set-huisstijlNaam" className={labelClass}>
            Naam in de kopbalk
          </label>
          <input
            id="set-huisstijlNaam"
            name="huisstijlNaam"
            maxLength={60}
            defaultValue={s.huisstijlNaam}
            placeholder="meldpost"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="set-huisstijlKleur" className={labelClass}>
            Huisstijlkleur
          </label>
          <input
            id="set-huisstijlKleur"
            name="huisstijlKleur"
            defaultValue={s.huisstijlKleur}
            placeholder="#1d5b8f"
            pattern="#[0-9a-fA-F]{6}"
            aria-describedby="set-huisstijlKleur-hint"
            className={`${inputClass} font-mono`}
          />
          <p id="set-huisstijlKleur-hint" className="mt-1 text-xs text-slate-600">
            Als #rrggbb. Witte tekst op deze kleur moet goed leesbaar zijn (contrast minstens 4,5:1); een te
            lichte kleur wordt geweigerd. Donkerder tinten voor kopbalk en links worden ervan afgeleid.
          </p>
        </div>
      </AdminForm>
    </section>
  );
}
