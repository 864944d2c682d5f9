/**
 * The parsed form shown as the paper form is grouped, and hand corrections on it. The stored
 * formulier is never changed: a correction is recorded beside it and applied when reading.
 */
import { ZMeldformulier, type TMeldformulier } from '../form/schema';

/** `text`: free text; `choice`: one of `options`; `list`: shown only, not correctable here. */
export type TFieldDef = {
  path: string;
  label: string;
  kind: 'text' | 'multiline' | 'choice' | 'list' | 'boolean';
  options?: readonly string[];
};
export type TFieldGroup = { title: string; fields: TFieldDef[] };

const jaNee = ['ja', 'nee'] as const;

export const FORM_GROUPS: TFieldGroup[] = [
  {
    title: 'Organisatie en behandelaar',
    fields: [
      { path: 'kenmerk', label: 'Registratiekenmerk', kind: 'list' },
      { path: 'organisatieonderdeel', label: 'Organisatieonderdeel', kind: 'text' },
      { path: 'behandelaar.naam', label: 'Naam behandelaar', kind: 'text' },
      { path: 'behandelaar.telefoon', label: 'Telefoon behandelaar', kind: 'text' },
      { path: 'behandelaar.email', label: 'E-mail behandelaar', kind: 'text' },
    ],
  },
  {
    title: 'Persoonsgegevens',
    fields: [
      { path: 'betrokkene.bsn', label: 'BSN', kind: 'text' },
      { path: 'betrokkene.voornamen', label: 'Voornamen', kind: 'text' },
      { path: 'betrokkene.voorvoegsel', label: 'Voorvoegsel', kind: 'text' },
      { path: 'betrokkene.achternaam', label: 'Achternaam', kind: 'text' },
      { path: 'betrokkene.geboortedatum', label: 'Geboortedatum', kind: 'text' },
      { path: 'betrokkene.geboorteplaats', label: 'Geboorteplaats', kind: 'text' },
      { path: 'betrokkene.geboorteland', label: 'Geboorteland', kind: 'text' },
      {
        path: 'betrokkene.geslacht',
        label: 'Geslacht',
        kind: 'choice',
        options: ['man', 'vrouw', 'onbekend'],
      },
      { path: 'betrokkene.adres', label: 'Adres', kind: 'text' },
      { path: 'betrokkene.postcode', label: 'Postcode', kind: 'text' },
      { path: 'betrokkene.plaats', label: 'Plaats', kind: 'text' },
      { path: 'betrokkene.land', label: 'Land', kind: 'text' },
      { path: 'betrokkene.telefoonnummers', label: 'Telefoonnummers', kind: 'list' },
    ],
  },
  {
    title: 'Melding',
    fields: [
      { path: 'voorval.van', label: 'Voorval van', kind: 'text' },
      { path: 'voorval.tot', label: 'Voorval tot', kind: 'text' },
      { path: 'voorval.postcode', label: 'Postcode voorval', kind: 'text' },
      { path: 'voorval.plaats', label: 'Plaats voorval', kind: 'text' },
      { path: 'meldingTijdstip', label: 'Tijdstip melding', kind: 'text' },
    ],
  },
  {
    title: 'Reden aanmelding',
    fields: [{ path: 'redenAanmelding', label: 'Reden aanmelding', kind: 'multiline' }],
  },
  {
    title: 'Veilig Thuis',
    fields: [
      { path: 'veiligThuisGemeld', label: 'Ook gemeld bij Veilig Thuis', kind: 'choice', options: jaNee },
    ],
  },
  {
    title: 'Hulpverlening',
    fields: [
      {
        path: 'hulpverlening.bestaand',
        label: 'Bestaande hulpverlening',
        kind: 'choice',
        options: ['ja', 'nee', 'niet_bekend'],
      },
      { path: 'hulpverlening.instanties', label: 'Instanties', kind: 'list' },
    ],
  },
  {
    title: 'Huisarts',
    fields: [
      { path: 'huisarts.bekend', label: 'Huisarts bekend', kind: 'boolean' },
      { path: 'huisarts.naam', label: 'Naam huisarts', kind: 'text' },
      { path: 'huisarts.adres', label: 'Adres huisarts', kind: 'text' },
      { path: 'huisarts.telefoon', label: 'Telefoon huisarts', kind: 'text' },
    ],
  },
  {
    title: 'Geïnformeerd',
    fields: [
      { path: 'betrokkeneGeinformeerd', label: 'Betrokkene geïnformeerd', kind: 'choice', options: jaNee },
      { path: 'nietGeinformeerdReden', label: 'Reden niet geïnformeerd', kind: 'multiline' },
    ],
  },
  {
    title: 'Telefonisch contact',
    fields: [
      {
        path: 'telefonischContactGewenst',
        label: 'Telefonisch contact gewenst',
        kind: 'choice',
        options: jaNee,
      },
    ],
  },
];

const ALL_FIELDS = FORM_GROUPS.flatMap((g) => g.fields);

/** Fields a medewerker may correct by hand: single values; the kenmerk is the melding's identity. */
export const CORRECTABLE_FIELDS: readonly string[] = ALL_FIELDS.filter(
  (f) => f.kind === 'text' || f.kind === 'multiline' || f.kind === 'choice',
).map((f) => f.path);

export type TCorrection = {
  field: string;
  from: string | null;
  to: string | null;
  by: string;
  byId: string | null;
  at: string;
};

export function fieldValue(f: TMeldformulier, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      f,
    );
}

function withValue(f: TMeldformulier, path: string, value: string | null): TMeldformulier {
  const copy = structuredClone(f) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy as unknown as TMeldformulier;
}

/** The formulier as corrected: every correction applied in order. */
export function applyCorrections(f: TMeldformulier, corrections: TCorrection[]): TMeldformulier {
  return corrections.reduce(
    (acc, c) => (CORRECTABLE_FIELDS.includes(c.field) ? withValue(acc, c.field, c.to) : acc),
    f,
  );
}

/** The formulier with one more correction, or the reason it is not a valid form value. */
export function correctField(
  f: TMeldformulier,
  path: string,
  value: string | null,
): { ok: true; formulier: TMeldformulier } | { ok: false; message: string } {
  if (!CORRECTABLE_FIELDS.includes(path))
    return { ok: false, message: 'Dit veld kan niet worden gecorrigeerd' };
  const next = withValue(f, path, value);
  const parsed = ZMeldformulier.safeParse(next);
  if (parsed.success) return { ok: true, formulier: parsed.data };
  return {
    ok: false,
    message: `Ongeldige waarde voor ${ALL_FIELDS.find((d) => d.path === path)?.label ?? path}`,
  };
}

/** What differs between two versions of a form, field by field, as the dashboard shows values. */
export function diffForms(
  before: TMeldformulier,
  after: TMeldformulier,
): { path: string; label: string; from: string; to: string }[] {
  return ALL_FIELDS.flatMap((d) => {
    const from = displayValue(fieldValue(before, d.path));
    const to = displayValue(fieldValue(after, d.path));
    return from === to ? [] : [{ path: d.path, label: d.label, from, to }];
  });
}

/** A value as the dashboard shows it. */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (Array.isArray(v))
    return v.length
      ? v
          .map((x) => (typeof x === 'object' && x ? Object.values(x).filter(Boolean).join(', ') : String(x)))
          .join('; ')
      : '—';
  const s = String(v);
  // The form's dates and times (ISO in the record) as Dutch readers write them.
  const date = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(s);
  if (date) return `${date[3]}-${date[2]}-${date[1]}${date[4] ? ` ${date[4]}` : ''}`;
  return s.replace(/_/g, ' ');
}
