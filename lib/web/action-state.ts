/**
 * What a server action tells its form: a Dutch message, when (so a repeat shows again), optional
 * data for the form (e.g. a one-time password), and on failure the values the user typed, so the
 * form can show them again instead of clearing.
 */
export type TActionState = {
  ok: boolean;
  message: string;
  at: number;
  data?: Record<string, string>;
  values?: Record<string, string>;
} | null;
