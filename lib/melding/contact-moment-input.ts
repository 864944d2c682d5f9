import { z } from 'zod';
import { amsterdamTime } from './to-melding-columns';

/** A datetime-local field ("2026-12-07T14:30", no zone) is Dutch time; a Date passes as it is. */
const dutchDateTime = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? amsterdamTime(v) : v),
  z.date({ message: 'vul datum en tijd van het contact in' }),
);

/** A contact moment as staff enter it: when, with whom, how, and what came out of it. */
export const ZContactMomentInput = z.object({
  at: dutchDateTime.refine(
    (d) => d.getTime() <= Date.now() + 5 * 60_000,
    'het contact kan niet in de toekomst liggen',
  ),
  withWhom: z.string().trim().min(2, 'vul in met wie er contact was').max(200),
  kanaal: z.enum(['TELEFOON', 'EMAIL', 'ANDERS'], { message: 'kies hoe het contact was' }),
  outcome: z.string().trim().min(5, 'beschrijf wat is afgesproken (minstens 5 tekens)').max(4000),
});
export type TContactMomentInput = z.infer<typeof ZContactMomentInput>;
