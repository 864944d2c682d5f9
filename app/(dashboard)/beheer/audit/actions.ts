'use server';

import { personKey } from '@/lib/audit/audit';
import { ZAuditFilter } from '@/lib/audit/search-audit-events';
import { formAction } from '@/lib/web/server-action';

/** What the person search may hold; an invalid BSN or date makes the search "ongeldig", not an error. */
const ZPersonSearch = ZAuditFilter.pick({ bsn: true, achternaam: true, geboortedatum: true })
  .nullable()
  .catch(null);

/**
 * A person search posts the BSN or name + birth date and is redirected to their pseudonymous
 * key, so the BSN never appears in a URL (history, logs).
 */
export const personSearchAction = formAction({
  name: 'audit.person-search',
  roles: ['BEHEERDER'],
  input: ZPersonSearch,
  run: async (_ctx, person) =>
    person && (person.bsn || (person.achternaam && person.geboortedatum)) ? personKey(person) : null,
  redirect: (key) => (key ? `/beheer/audit?personKey=${key}&order=asc` : '/beheer/audit?persoonOngeldig=1'),
});
