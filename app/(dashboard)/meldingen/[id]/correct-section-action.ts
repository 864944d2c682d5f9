'use server';

import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { correctMeldingField } from '@/lib/melding/correct-melding-field';
import { FORM_GROUPS } from '@/lib/melding/form-fields';
import { serverAction, type TActionContext } from '@/lib/web/server-action';

const ZSectionCorrection = z.looseObject({
  meldingId: z.string(),
  field: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])),
});

const labelOf = (path: string) =>
  FORM_GROUPS.flatMap((g) => g.fields).find((f) => f.path === path)?.label ?? path;

/**
 * "Gegevens corrigeren" for one section of the form: every field the user changed (value differs
 * from the one shown when the form opened) is corrected, one audited correction each. Stops at
 * the first refused value and says which field; the ones before it are saved.
 */
export const correctSectionAction = serverAction({
  name: 'melding.correct_section',
  roles: ['MEDEWERKER'],
  input: ZSectionCorrection,
  run: async (acting: TActionContext, input: z.infer<typeof ZSectionCorrection>): Promise<string[]> => {
    const text = (key: string) => {
      const v = (input as Record<string, unknown>)[key];
      return typeof v === 'string' ? v.trim() : '';
    };
    const changed = input.field.filter((path) => text(`value:${path}`) !== text(`orig:${path}`));
    if (!changed.length) throw new AppError('validation', 'U heeft geen van de velden gewijzigd');
    const saved: string[] = [];
    for (const path of changed) {
      try {
        await correctMeldingField({
          ...acting,
          meldingId: input.meldingId,
          field: path,
          value: text(`value:${path}`),
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const before = saved.length ? ` (wel opgeslagen: ${saved.join(', ')})` : '';
        throw new AppError(err.code, `${labelOf(path)}: ${err.message}${before}`);
      }
      saved.push(labelOf(path));
    }
    return saved;
  },
  revalidate: (input) => [`/meldingen/${input.meldingId}`],
  success: (saved) =>
    saved.length === 1 ? `Correctie opgeslagen: ${saved[0]}` : `${saved.length} correcties opgeslagen`,
});
