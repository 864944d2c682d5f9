/**
 * The editable mail templates staff send (stored in MailTemplate, one row per kind; these are the
 * texts used while the beheerder has not changed them) and their pure renderer.
 *
 * Placeholders are `{name}`; only the names in TEMPLATE_PLACEHOLDERS exist. For AANVULLING and
 * NIET_IN_BEHANDELING the protocol fixes the subject (lib/mail/templates.ts builds it from the
 * kenmerk), so only their body is editable; TERUGKOPPELING's subject is the template's.
 *
 * A draft keeps every placeholder whose value is not known yet (reden, loket and afstemming are
 * typed with the action; a setting may be empty); the final rendering when the mail is queued
 * fills them all and refuses the mail while any is still empty — no mail ever leaves with a gap
 * such as "U kunt ons ook bellen op .".
 */

export const TEMPLATE_KINDS = ['AANVULLING', 'NIET_IN_BEHANDELING', 'TERUGKOPPELING'] as const;
export type TTemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_PLACEHOLDERS = [
  'kenmerk',
  'initialen',
  'behandelaar',
  'meldpuntNaam',
  'meldpuntTelefoon',
  'reden',
  'loket',
  'afstemming',
] as const;
export type TTemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TTemplateValues = Record<TTemplatePlaceholder, string>;

export type TMailTemplateText = { subject: string; body: string };

/** What each placeholder stands for, for the template editor's help text. */
export const PLACEHOLDER_LABELS: Record<TTemplatePlaceholder, string> = {
  kenmerk: 'registratiekenmerk van de politie',
  initialen: 'initialen van de betrokkene (geen volledige naam in de mail)',
  behandelaar: 'naam van de behandelend politiemedewerker',
  meldpuntNaam: 'naam van het meldpunt (instellingen)',
  meldpuntTelefoon: 'telefoonnummer van het meldpunt (instellingen)',
  reden: 'de reden die de medewerker bij de actie invult (niet in behandeling)',
  loket: 'het geadviseerde loket (niet in behandeling)',
  afstemming: 'hoe en wanneer met de behandelaar is afgestemd, als zin (niet in behandeling)',
};

/** Where a person fixes an empty placeholder, for the refusal message. */
export const PLACEHOLDER_SOURCES: Record<TTemplatePlaceholder, string> = {
  kenmerk: 'het kenmerk van de melding',
  initialen: 'de naam van de betrokkene in het formulier',
  behandelaar: 'de naam van de behandelaar in het formulier',
  meldpuntNaam: 'de naam van het meldpunt (Beheer → Instellingen)',
  meldpuntTelefoon: 'het telefoonnummer van het meldpunt (Beheer → Instellingen)',
  reden: 'de reden',
  loket: 'het geadviseerde loket',
  afstemming: 'de afstemming met de behandelaar',
};

/** Kinds whose subject the protocol prescribes: the editor shows it but does not let it change. */
export function subjectIsFixed(kind: TTemplateKind): boolean {
  return kind !== 'TERUGKOPPELING';
}

export const DEFAULT_MAIL_TEMPLATES: Record<TTemplateKind, TMailTemplateText> = {
  AANVULLING: {
    subject: 'Verzoek om aanvulling op melding niet-acute zorg met {kenmerk}',
    body: [
      'Beste {behandelaar},',
      '',
      'Wij hebben uw melding niet-acute zorg met kenmerk {kenmerk} over {initialen} ontvangen.',
      'Om de melding goed te kunnen beoordelen, hebben wij aanvullende informatie nodig:',
      '',
      '- ',
      '',
      'Wilt u op deze e-mail antwoorden? U kunt ons ook bellen op {meldpuntTelefoon}.',
      '',
      'Met vriendelijke groet,',
      '{meldpuntNaam}',
    ].join('\n'),
  },
  NIET_IN_BEHANDELING: {
    subject: 'reply op melding niet acute zorg met {kenmerk}',
    body: [
      'Beste {behandelaar},',
      '',
      '{afstemming} nemen wij de melding niet-acute zorg met kenmerk {kenmerk} over {initialen} niet in behandeling.',
      '',
      'Reden: {reden}',
      'Geadviseerd loket: {loket}',
      '',
      'Met vriendelijke groet,',
      '{meldpuntNaam}',
      '{meldpuntTelefoon}',
    ].join('\n'),
  },
  TERUGKOPPELING: {
    subject: 'Terugkoppeling op melding niet-acute zorg met {kenmerk}',
    body: [
      'Beste {behandelaar},',
      '',
      'Hierbij laten wij u weten dat de melding niet-acute zorg met kenmerk {kenmerk} over {initialen} is opgepakt door het meldpunt.',
      '',
      'Met vriendelijke groet,',
      '{meldpuntNaam}',
      '{meldpuntTelefoon}',
    ].join('\n'),
  },
};

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

const isPlaceholder = (name: string): name is TTemplatePlaceholder =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * Replaces the known placeholders that have a value; a known placeholder without one (absent or
 * blank) stays as `{name}`, and anything else in braces stays as typed.
 */
export function renderMailTemplate(text: string, values: Partial<TTemplateValues>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isPlaceholder(name) && values[name]?.trim() ? values[name]! : whole,
  );
}

/** Known placeholders still in `text` (after rendering: the ones that had no value). */
export function openPlaceholders(text: string): TTemplatePlaceholder[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter(isPlaceholder))];
}

/** Placeholder names used in `text` that do not exist (typos the editor should reject). */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !isPlaceholder(n)))];
}

/** "J.P. de V." from voornamen "Jan Pieter", voorvoegsel "de", achternaam "Vries"; '' when unknown. */
export function initialenOf(p: {
  voornamen?: string | null;
  voorvoegsel?: string | null;
  achternaam?: string | null;
}): string {
  const letters = (p.voornamen ?? '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((n) => `${n[0]!.toUpperCase()}.`)
    .join('');
  const surname = p.achternaam?.trim()
    ? `${p.voorvoegsel?.trim() ? `${p.voorvoegsel.trim()} ` : ''}${p.achternaam.trim()[0]!.toUpperCase()}.`
    : '';
  return [letters, surname].filter(Boolean).join(' ');
}
