import 'server-only';
import { z } from 'zod';
import type { TMeldformulier } from '../form/schema';
import { applyCorrections, correctField, fieldValue, type TCorrection } from './form-fields';
import { changeMelding } from './change-melding';
import { AppError } from '../errors';
import type { TActing } from './melding-scope';
import { toMeldingColumns } from './to-melding-columns';
import { getWerkgebied } from '../werkgebied/get-werkgebied';
import { deriveGemeente } from '../werkgebied/werkgebied';

export const ZCorrectMeldingField = z.object({
  meldingId: z.string(),
  field: z.string().max(100),
  value: z
    .string()
    .trim()
    .max(10_000)
    .nullable()
    .transform((v) => v || null),
});

const asText = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * A hand correction of one parsed field: the received formulier stays as it was, the correction
 * (from, to, who, when) is added beside it and audited, and the search/list columns follow it.
 */
export async function correctMeldingField(opts: TActing & z.input<typeof ZCorrectMeldingField>) {
  const input = ZCorrectMeldingField.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.veld_gecorrigeerd',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD', 'AFGEROND'],
    conflict: 'Van deze melding zijn de persoonsgegevens verwijderd',
    apply: async (tx, m) => {
      if (!m.formulier) throw new AppError('conflict', 'Deze melding heeft geen ingelezen formulier');
      const corrections = m.corrections as TCorrection[];
      const current = applyCorrections(m.formulier as TMeldformulier, corrections);
      const next = correctField(current, input.field, input.value);
      if (!next.ok) throw new AppError('validation', next.message);
      const from = asText(fieldValue(current, input.field));
      if (from === input.value) throw new AppError('validation', 'De nieuwe waarde is gelijk aan de huidige');
      const correction: TCorrection = {
        field: input.field,
        from,
        to: input.value,
        by: opts.user.email,
        byId: opts.user.id,
        at: new Date().toISOString(),
      };
      // The kenmerk is the melding's identity and not correctable; every other column follows the form.
      const columns: Partial<ReturnType<typeof toMeldingColumns>> = toMeldingColumns(next.formulier);
      delete columns.kenmerk;
      const place = { gemeente: columns.gemeente ?? null, pc4: columns.pc4 ?? null };
      return {
        data: {
          ...columns,
          ...deriveGemeente(await getWerkgebied({ db: tx }), place),
          corrections: [...corrections, correction],
        },
        details: { field: input.field },
      };
    },
  });
}
