import { z } from 'zod';

/** Fields whose values never travel back to the browser in an action's answer. */
const SECRET_FIELD = /password|wachtwoord|secret|geheim|token|code/i;

/**
 * A form's fields as a plain object for zod: a name that occurs once is a string, a name that
 * occurs more than once (checkbox groups) an array of strings. Files are kept as File objects.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key);
    result[key] = all.length > 1 ? all : all[0];
  }
  return result;
}

/** The text fields the user typed, minus secrets, to refill a form after a failed action. */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION') || SECRET_FIELD.test(key)) continue;
    values[key] = value;
  }
  return values;
}

/** A number input for the verb's own schema: the typed text as a number, as `Number()` reads it. */
export const numberField = <TSchema extends z.ZodType>(schema: TSchema) =>
  z.preprocess((value) => Number(value), schema);

/** A hidden "true"/"false" field (a toggle button's next state). */
export const booleanField = z.enum(['true', 'false']).transform((value) => value === 'true');

/** A verb's schema with its named boolean fields read from a form's checkboxes ("on" when ticked, absent when not). */
export const withCheckboxes = <TSchema extends z.ZodType>(names: readonly string[], schema: TSchema) =>
  z.preprocess((value) => {
    const fields = { ...(value as Record<string, unknown>) };
    for (const name of names) fields[name] = fields[name] === 'on';
    return fields;
  }, schema);
