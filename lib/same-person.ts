/**
 * The one "same person" rule: two records are about the same person when they have the same BSN,
 * or the same achternaam (ignoring case and surrounding spaces) and the same geboortedatum. Used
 * for the "herhaling" flag, the earlier meldingen on a melding's page, a beheerder's person search,
 * the audit log's pseudonymous person key and the worker's order of recording.
 */
type TPerson = {
  bsn?: string | null;
  achternaam?: string | null;
  /** A date (as stored) or `JJJJ-MM-DD` (as in the form). */
  geboortedatum?: Date | string | null;
};

const day = (date: Date | string) => (typeof date === 'string' ? date : date.toISOString().slice(0, 10));

/** The identities a person is known by (`bsn:…`, `naam:…|JJJJ-MM-DD`), most certain first; none when unknown. */
export function personIdentities(person: TPerson): string[] {
  const name = person.achternaam?.trim().toLowerCase();
  return [
    ...(person.bsn ? [`bsn:${person.bsn}`] : []),
    ...(name && person.geboortedatum ? [`naam:${name}|${day(person.geboortedatum)}`] : []),
  ];
}

/**
 * The same rule as a Prisma `where` on Melding: one condition per identity, to be OR-ed; empty
 * when the person is unknown (then nothing matches them).
 */
export function samePersonConditions(person: TPerson) {
  const name = person.achternaam?.trim();
  return [
    ...(person.bsn ? [{ bsn: person.bsn }] : []),
    ...(name && person.geboortedatum
      ? [
          {
            achternaam: { equals: name, mode: 'insensitive' as const },
            geboortedatum: new Date(`${day(person.geboortedatum)}T00:00:00Z`),
          },
        ]
      : []),
  ];
}
