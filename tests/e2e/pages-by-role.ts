/**
 * Every page of the dashboard, by who sees it: the list the accessibility test (axe-core, WCAG
 * 2.1 AA) walks. A new page is one line here. `path` may use the seeded ids.
 */
export type TSeeded = { meldingId: string; closedMeldingId: string; mailboxId: string };
export type TPageEntry = { name: string; path: string | ((seed: TSeeded) => string) };
export type TPageRole = 'afgemeld' | 'medewerker' | 'coordinator' | 'beheerder';

const APRIL = 'van=2026-04-01&tot=2026-04-30&stap=week';

export const PAGES_BY_ROLE: Record<TPageRole, TPageEntry[]> = {
  afgemeld: [
    { name: 'inloggen', path: '/login' },
    { name: 'niet gevonden', path: '/bestaat-niet' },
  ],
  medewerker: [
    { name: 'meldingen', path: '/meldingen' },
    { name: 'meldingen gefilterd', path: '/meldingen?status=alle&sort=prioriteit' },
    { name: 'melding', path: (s) => `/meldingen/${s.meldingId}` },
    { name: 'afgeronde melding', path: (s) => `/meldingen/${s.closedMeldingId}` },
    { name: 'melding niet gevonden', path: '/meldingen/00000000-0000-4000-8000-000000000000' },
    { name: 'melding registreren', path: '/meldingen/registreren' },
    { name: 'postvak', path: '/postvak' },
    { name: 'postvak, alles', path: '/postvak?toon=alle' },
    { name: 'account', path: '/account' },
    { name: 'wachtwoord wijzigen', path: '/login/wachtwoord' },
    { name: 'uitloggen', path: '/uitloggen' },
    { name: 'niet gevonden', path: '/bestaat-niet' },
  ],
  coordinator: [
    { name: 'statistieken', path: `/statistieken?${APRIL}` },
    { name: 'account', path: '/account' },
  ],
  beheerder: [
    { name: 'beheer', path: '/beheer' },
    { name: 'postvak', path: '/postvak' },
    { name: 'mailboxen', path: '/beheer/mailboxen' },
    { name: 'nieuwe mailbox', path: '/beheer/mailboxen/nieuw' },
    { name: 'mailbox', path: (s) => `/beheer/mailboxen/${s.mailboxId}` },
    { name: 'gebruikers', path: '/beheer/gebruikers' },
    { name: 'toegangsoverzicht', path: '/beheer/gebruikers/toegang' },
    { name: 'sjablonen', path: '/beheer/sjablonen' },
    { name: 'werkgebied', path: '/beheer/werkgebied' },
    { name: 'bewaartermijn', path: '/beheer/bewaartermijn' },
    { name: 'personen', path: '/beheer/personen' },
    { name: 'auditlog', path: '/beheer/audit' },
    { name: 'instellingen', path: '/beheer/instellingen' },
    { name: 'statistieken', path: `/statistieken?${APRIL}` },
    { name: 'account', path: '/account' },
  ],
};
