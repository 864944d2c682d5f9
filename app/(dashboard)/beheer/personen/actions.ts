'use server';

import { z } from 'zod';
import { ZPersonQuery } from '@/lib/melding/person-query';
import { getKeyring } from '@/lib/secrets/keyring';
import { erasePersonData } from '@/lib/retention/erase-person-data';
import { exportPersonData } from '@/lib/retention/export-person-data';
import { findPerson } from '@/lib/retention/find-person';
import { serverAction } from '@/lib/web/server-action';

const ADMIN = { roles: ['BEHEERDER'], revalidate: () => ['/beheer/personen'] } as const;

/** The form's search: a BSN, or achternaam + geboortedatum, as the panel's "zoek op" choice says. */
const ZPersonForm = z.preprocess((form) => {
  const fields = form as Record<string, unknown>;
  return fields.zoekOp === 'naam'
    ? { achternaam: fields.achternaam ?? '', geboortedatum: fields.geboortedatum ?? '' }
    : { bsn: fields.bsn ?? '' };
}, ZPersonQuery);

export const findPersonAction = serverAction({
  ...ADMIN,
  name: 'person.find',
  input: ZPersonForm,
  run: ({ db, actor }, query) => findPerson({ db, actor, query }),
  success: (meldingen) =>
    meldingen.length
      ? `${meldingen.length} melding(en) gevonden over deze persoon.`
      : 'Over deze persoon zijn geen meldingen opgeslagen.',
  data: (meldingen) => ({
    meldingen: JSON.stringify(
      meldingen.map((m) => ({
        id: m.id,
        kenmerk: m.kenmerk,
        receivedAt: m.receivedAt.toISOString(),
        status: m.status,
      })),
    ),
  }),
});

export const exportPersonAction = serverAction({
  ...ADMIN,
  name: 'person.export',
  input: ZPersonForm,
  run: ({ db, actor }, query) => exportPersonData({ db, actor, query }),
  success: 'Export gemaakt; de download start.',
  data: (exported) => ({
    json: JSON.stringify(exported, null, 2),
    filename: `persoonsgegevens-${exported.aangemaakt.slice(0, 10)}.json`,
  }),
});

export const erasePersonAction = serverAction({
  ...ADMIN,
  name: 'person.erase',
  input: ZPersonForm,
  run: ({ db, actor }, query) => erasePersonData({ db, ring: getKeyring(), actor, query }),
  success: (r) =>
    `${r.meldingen} melding(en) met alle bijbehorende gegevens gewist.` +
    (r.openstaandInMailbox
      ? ` ${r.openstaandInMailbox} bericht(en) konden nog niet uit de mailbox worden verwijderd; de dagelijkse bewaartermijn-run probeert het opnieuw.`
      : ''),
});
