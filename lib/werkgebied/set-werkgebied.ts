import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { normaliseGemeente, ZGemeenteNaam, ZPostcodeRange, type TWerkgebied } from './werkgebied';
import { requireBeheerder } from '../auth/require-beheerder';
import { recordAdreslijstWijziging } from './record-adreslijst-wijziging';

export const ZWerkgebied = z.object({
  gemeenten: z.array(ZGemeenteNaam).max(500),
  postcodes: z.array(ZPostcodeRange).max(500),
});

/**
 * Replaces the werkgebied as a whole (one transaction, audited). Applies to meldingen received
 * from now on (their buiten-werkgebied mark and the gemeente derived from their postcode);
 * meldingen already in keep theirs.
 */
export async function setWerkgebied(opts: {
  db: TDb;
  actor: TAuditActor;
  werkgebied: TWerkgebied;
}): Promise<TWerkgebied> {
  const input = ZWerkgebied.parse(opts.werkgebied);
  const gemeenten = [...new Map(input.gemeenten.map((g) => [normaliseGemeente(g), g])).values()];
  const postcodes = [
    ...new Map(input.postcodes.map((r) => [`${r.van}-${r.tot}-${r.gemeente ?? ''}`, r])).values(),
  ];
  await opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    await tx.werkgebiedGemeente.deleteMany({});
    await tx.werkgebiedPostcode.deleteMany({});
    await tx.werkgebiedGemeente.createMany({ data: gemeenten.map((naam) => ({ naam })) });
    await tx.werkgebiedPostcode.createMany({ data: postcodes });
    await recordAdreslijstWijziging(
      tx,
      `Werkgebied gewijzigd: ${gemeenten.length} gemeenten, ${postcodes.length} postcodegebieden`,
    );
    await audit(tx, {
      actor: opts.actor,
      action: 'werkgebied.gewijzigd',
      objectType: 'system',
      details: {
        gemeenten: gemeenten.length,
        postcodebereiken: postcodes.length,
        metGemeente: postcodes.filter((r) => r.gemeente).length,
      },
    });
  });
  return { gemeenten, postcodes };
}
