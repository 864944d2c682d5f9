/**
 * The tables of the statistics page and its exports, built from the raw figures with small-cell
 * suppression applied (lib/stats/suppress.ts). Page, CSV and XLSX all show these same cells.
 */
import type { TStatsFigures, TDoorlooptijd } from './figures';
import { KANAAL_LABELS, STATUS_LABELS, UITKOMST_LABELS } from '../melding/labels';
import { DEFAULT_SOORTEN_MELDING, soortLabel } from '../melding/soort-melding';
import { filterLabel, periodLabel, previousYear } from './period';
import {
  aandeel,
  aandeelInVerdeling,
  aantal,
  aantallenInVerdeling,
  hiddenCells,
  over,
  verschil,
  SUPPRESSED,
  type TCel,
} from './suppress';

export const TABELLEN = [
  'aantallen',
  'eenheid',
  'gemeente',
  'pc4',
  'kanaal',
  'soort',
  'status',
  'uitkomst',
  'loket',
  'doorlooptijden',
  'kenmerken',
] as const;
export type TTableKey = (typeof TABELLEN)[number];

export type TTabel = {
  key: TTableKey;
  titel: string;
  periode: string;
  filter: string;
  kolommen: string[];
  rijen: TCel[][];
  toelichting?: string;
};

const ONBEKEND = 'Onbekend';

function verdeling<T>(
  titel: string,
  key: TTableKey,
  kolom: string,
  rows: T[],
  label: (r: T) => string,
  count: (r: T) => number,
  totaal: number,
) {
  const counts = rows.map(count);
  const hidden = hiddenCells(counts);
  const shown = aantallenInVerdeling(counts);
  return {
    key,
    titel,
    kolommen: [kolom, 'Aantal', 'Aandeel (%)'],
    rijen: rows.map((r, i) => [label(r), shown[i]!, aandeelInVerdeling(counts[i]!, totaal, hidden[i]!)]),
  };
}

/** The change against last year; "x" when either count is hidden, none when last year had none. */
function verschilInReeks(nu: number, vorig: number, hidden: boolean): TCel {
  const change = verschil(nu, vorig);
  return change !== null && hidden ? SUPPRESSED : change;
}

const hours = (s: number | null, per: number) => (s === null ? null : Math.round((s / per) * 10) / 10);

function doorlooptijd(naam: string, eenheid: string, per: number, d: TDoorlooptijd): TCel[] {
  return [naam, eenheid, aantal(d.n), over(d.n, hours(d.mediaan, per)), over(d.n, hours(d.p90, per))];
}

export function buildTables(f: TStatsFigures): TTabel[] {
  const periode = periodLabel(f.filter);
  const filter = filterLabel(f.filter);
  const k = f.flags;
  const nib = f.perUitkomst.find((u) => u.uitkomst === 'NIET_IN_BEHANDELING')?.aantal ?? 0;
  const ontvangenBerichten = f.totaal + (f.foutmeldingen ?? 0);
  // The series and last year's add up to the totals in the same table: hidden as breakdowns.
  const reeksNu = f.series.map((p) => p.aantal);
  const reeksVorig = f.series.map((p) => p.lastYear);
  const [verborgenNu, verborgenVorig] = [hiddenCells(reeksNu), hiddenCells(reeksVorig)];
  const [toonNu, toonVorig] = [aantallenInVerdeling(reeksNu), aantallenInVerdeling(reeksVorig)];
  const eenheden = f.perEenheid.map((r) => r.aantal);
  const [verborgenEenheid, toonEenheid] = [hiddenCells(eenheden), aantallenInVerdeling(eenheden)];
  const tables: Omit<TTabel, 'periode' | 'filter'>[] = [
    {
      key: 'aantallen',
      titel: `Aantal meldingen per ${f.filter.stap}`,
      kolommen: [
        f.filter.stap[0]!.toUpperCase() + f.filter.stap.slice(1),
        'Aantal',
        'Zelfde periode vorig jaar',
        'Verschil (%)',
      ],
      rijen: [
        ...f.series.map((p, i) => [
          p.key,
          toonNu[i]!,
          toonVorig[i]!,
          verschilInReeks(p.aantal, p.lastYear, verborgenNu[i]! || verborgenVorig[i]!),
        ]),
        ['Totaal', aantal(f.totaal), aantal(f.totaalVorigJaar), verschil(f.totaal, f.totaalVorigJaar)],
      ],
      toelichting: `Vorig jaar: ${periodLabel(previousYear(f.filter))}.`,
    },
    {
      key: 'eenheid',
      titel: 'Meldingen per politie-eenheid en basisteam',
      kolommen: ['Eenheid', 'Basisteam', 'Aantal', 'Aandeel (%)'],
      rijen: f.perEenheid.map((r, i) => [
        r.eenheid ?? ONBEKEND,
        r.basisteam ?? ONBEKEND,
        toonEenheid[i]!,
        aandeelInVerdeling(r.aantal, f.totaal, verborgenEenheid[i]!),
      ]),
    },
    verdeling(
      'Meldingen per gemeente',
      'gemeente',
      'Gemeente',
      f.perGemeente,
      (r) => r.gemeente ?? ONBEKEND,
      (r) => r.aantal,
      f.totaal,
    ),
    verdeling(
      'Meldingen per postcodegebied (PC4)',
      'pc4',
      'PC4',
      f.perPc4,
      (r) => (r.pc4 === null ? ONBEKEND : String(r.pc4)),
      (r) => r.aantal,
      f.totaal,
    ),
    {
      ...verdeling(
        'Meldingen per kanaal',
        'kanaal',
        'Kanaal',
        f.perKanaal,
        (r) => KANAAL_LABELS[r.kanaal],
        (r) => r.aantal,
        f.totaal,
      ),
      toelichting:
        'Hoe de melding binnenkwam: de e-mail van de politie volgens het protocol, of met de hand geregistreerd.',
    },
    {
      ...verdeling(
        'Meldingen per soort melding',
        'soort',
        'Soort melding',
        f.perSoort,
        (r) =>
          r.soort === null
            ? 'Geen soort gekozen'
            : soortLabel(r.soort, f.soortenMelding ?? DEFAULT_SOORTEN_MELDING),
        (r) => r.aantal,
        f.totaal,
      ),
      toelichting:
        'Gekozen bij de beoordeling; een melding kan onder meer dan één soort vallen, dus de aantallen tellen op tot meer dan het totaal.',
    },
    verdeling(
      'Meldingen per status',
      'status',
      'Status',
      f.perStatus,
      (r) => STATUS_LABELS[r.status],
      (r) => r.aantal,
      f.totaal,
    ),
    verdeling(
      'Meldingen per uitkomst',
      'uitkomst',
      'Uitkomst',
      f.perUitkomst,
      (r) => (r.uitkomst ? UITKOMST_LABELS[r.uitkomst] : 'Nog geen uitkomst'),
      (r) => r.aantal,
      f.totaal,
    ),
    {
      ...verdeling(
        'Niet in behandeling: naar welk loket',
        'loket',
        'Loket',
        f.perLoket,
        (r) => r.loket ?? ONBEKEND,
        (r) => r.aantal,
        nib,
      ),
      toelichting: 'Aandeel van de meldingen die niet in behandeling zijn genomen.',
    },
    {
      key: 'doorlooptijden',
      titel: 'Doorlooptijden vanaf ontvangst',
      kolommen: ['Tot', 'Eenheid', 'Aantal meldingen', 'Mediaan', '90e percentiel'],
      rijen: [
        doorlooptijd('Acceptatiesignaal verstuurd', 'minuten', 60, f.doorlooptijden.signaal),
        doorlooptijd('Eerste beoordeling', 'uren', 3600, f.doorlooptijden.beoordeling),
        doorlooptijd('Afgerond', 'dagen', 86400, f.doorlooptijden.afgerond),
      ],
    },
    {
      key: 'kenmerken',
      titel: 'Kenmerken van de meldingen',
      kolommen: ['Kenmerk', 'Aantal', 'Aandeel (%)', 'Van'],
      rijen: [
        [
          `Beoordeeld binnen ${f.werkdagenBeoordeling} werkdagen`,
          aantal(k.binnenWerkdagen),
          aandeel(k.binnenWerkdagen, k.beoordeeld),
          'beoordeelde meldingen',
        ],
        ['Niet in behandeling (ander loket)', aantal(nib), aandeel(nib, f.totaal), 'alle meldingen'],
        [
          'Telefonisch contact gewenst',
          aantal(k.telefonisch),
          aandeel(k.telefonisch, f.totaal),
          'alle meldingen',
        ],
        [
          'Ook gemeld bij Veilig Thuis',
          aantal(k.veiligThuis),
          aandeel(k.veiligThuis, f.totaal),
          'alle meldingen',
        ],
        [
          'Bestaande hulpverlening',
          aantal(k.hulpverlening),
          aandeel(k.hulpverlening, f.totaal),
          'alle meldingen',
        ],
        [
          'Betrokkene geïnformeerd',
          aantal(k.geinformeerd),
          aandeel(k.geinformeerd, f.totaal),
          'alle meldingen',
        ],
        ['Aanvulling gevraagd', aantal(k.aanvulling), aandeel(k.aanvulling, f.totaal), 'alle meldingen'],
        [
          'Herhaalde melding (zelfde persoon, 12 maanden)',
          aantal(k.herhaling),
          aandeel(k.herhaling, f.totaal),
          'alle meldingen',
        ],
        [
          'Gemeente uit de plaatsnaam (postcode in geen postcodegebied van het werkgebied)',
          aantal(k.gemeenteUitPlaats),
          aandeel(k.gemeenteUitPlaats, f.totaal),
          'alle meldingen',
        ],
        f.foutmeldingen === null
          ? ['Foutmeldingen verstuurd', null, null, 'niet per gemeente of eenheid beschikbaar']
          : [
              'Foutmeldingen verstuurd',
              aantal(f.foutmeldingen),
              aandeel(f.foutmeldingen, ontvangenBerichten),
              'ontvangen meldberichten',
            ],
      ],
    },
  ];
  return tables.map((t) => ({ ...t, periode, filter }));
}

/** A cell as text for the page ("–" for not applicable; Dutch decimal comma). */
export function celTekst(c: TCel): string {
  if (c === null) return '–';
  return typeof c === 'number' ? c.toLocaleString('nl-NL', { maximumFractionDigits: 1 }) : c;
}
