import { z } from 'zod';

/** An HTML checkbox in a form: "on" when ticked, absent when not (booleans pass too, for callers in code). */
export const zCheckbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');
