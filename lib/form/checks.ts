import type { TBuilt } from './build';
import { emailDomain } from './normalise/email';
import type { TFinding } from './schema';

/**
 * Plausibility checks on a built record. Warnings keep the value (staff decide); errors make
 * the melding unprocessable, and their message is quoted in the foutmelding to the police, so
 * it names the field as the form does.
 */
export type TCheckOptions = { trustedDomains: string[]; now: Date };

const KENMERK = /^PL\d{4}-(\d{4})\d+$/;

/** The elfproef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(bsn: string): boolean {
  const digits = [...bsn].map(Number);
  if (digits.length !== 9 || digits.every((d) => d === 0)) return false;
  const sum = digits.slice(0, 8).reduce((total, d, i) => total + d * (9 - i), 0) - digits[8]!;
  return sum % 11 === 0;
}

/** Swedish formatting is ISO-like ("2024-11-04 14:35"); created once, it is costly to make. */
const AMSTERDAM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Dutch local date-time (YYYY-MM-DDTHH:MM) of a moment. */
function localDateTime(now: Date): string {
  return AMSTERDAM.format(now).replace(' ', 'T');
}

function isTrusted(address: string, trustedDomains: string[]): boolean {
  const domain = emailDomain(address);
  return trustedDomains.some(
    (trusted) => domain === trusted.toLowerCase() || domain.endsWith(`.${trusted.toLowerCase()}`),
  );
}

export function checkFormulier(
  { formulier: f }: TBuilt,
  options: TCheckOptions,
): { warnings: TFinding[]; errors: TFinding[] } {
  const warnings: TFinding[] = [];
  const errors: TFinding[] = [];
  const today = localDateTime(options.now).slice(0, 10);

  if (f.kenmerk === null) {
    errors.push({
      field: 'kenmerk',
      message: 'Het kenmerk (Ons kenmerk / registratienummer) ontbreekt in het meldformulier.',
    });
  } else {
    const year = Number(KENMERK.exec(f.kenmerk)?.[1]);
    if (!(year >= 2000 && year <= Number(today.slice(0, 4)) + 1)) {
      warnings.push({
        field: 'kenmerk',
        message: `Het kenmerk '${f.kenmerk}' heeft niet de vorm PL<4 cijfers>-<jaar><volgnummer>.`,
      });
    }
  }
  if (f.redenAanmelding === null) {
    errors.push({
      field: 'redenAanmelding',
      message: 'De reden aanmelding (omschrijving van de zorgen) ontbreekt in het meldformulier.',
    });
  }
  if (f.behandelaar.email === null) {
    errors.push({
      field: 'behandelaar.email',
      message: 'Het e-mailadres van de behandelaar ontbreekt in het meldformulier.',
    });
  } else if (!isTrusted(f.behandelaar.email, options.trustedDomains)) {
    warnings.push({
      field: 'behandelaar.email',
      message: `Het e-mailadres van de behandelaar '${f.behandelaar.email}' is geen adres van ${options.trustedDomains.join(' of ')}.`,
    });
  }

  const { bsn, geboortedatum } = f.betrokkene;
  if (bsn !== null && !passesElfproef(bsn)) {
    warnings.push({ field: 'betrokkene.bsn', message: `Het BSN '${bsn}' voldoet niet aan de elfproef.` });
  }
  if (geboortedatum !== null) {
    const oldest = `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`;
    if (geboortedatum > today) {
      warnings.push({
        field: 'betrokkene.geboortedatum',
        message: `De geboortedatum ${geboortedatum} ligt in de toekomst.`,
      });
    } else if (geboortedatum < oldest) {
      warnings.push({
        field: 'betrokkene.geboortedatum',
        message: `De geboortedatum ${geboortedatum} ligt meer dan 120 jaar terug.`,
      });
    }
  }
  if (f.voorval.van !== null && f.meldingTijdstip !== null && f.voorval.van > f.meldingTijdstip) {
    warnings.push({
      field: 'voorval.van',
      message: `De datum/tijd van het voorval (${f.voorval.van.replace('T', ' ')}) ligt na de datum/tijd van de melding (${f.meldingTijdstip.replace('T', ' ')}).`,
    });
  }
  return { warnings, errors };
}
