/** Reading a submitted form for a verb's schema: checkboxes, numbers, and what is sent back. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formToObject, numberField, typedValues, withCheckboxes } from '../../lib/web/form-values';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe('form values', () => {
  const schema = withCheckboxes(
    ['sendMail', 'notify'],
    z.object({ sendMail: z.boolean(), notify: z.boolean(), days: numberField(z.number().int().min(1)) }),
  );

  it('reads a ticked checkbox as true and an absent one as false, other fields untouched', () => {
    expect(
      schema.parse(
        formToObject(
          form([
            ['sendMail', 'on'],
            ['days', '3'],
          ]),
        ),
      ),
    ).toEqual({
      sendMail: true,
      notify: false,
      days: 3,
    });
  });

  it('refuses a number that is not one, and keeps repeated names as a list', () => {
    expect(schema.safeParse(formToObject(form([['days', 'drie']]))).success).toBe(false);
    expect(
      formToObject(
        form([
          ['soort', 'a'],
          ['soort', 'b'],
        ]),
      ),
    ).toEqual({ soort: ['a', 'b'] });
  });

  it('never sends a secret back to refill the form', () => {
    expect(
      typedValues(
        form([
          ['naam', 'Meldpunt'],
          ['wachtwoord', 'geheim-1'],
        ]),
      ),
    ).toEqual({ naam: 'Meldpunt' });
  });
});
