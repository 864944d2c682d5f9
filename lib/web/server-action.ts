import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import type { TAuditActor } from '../audit/audit';
import { auditActor, requireUser } from '../auth/require-user';
import type { TCurrentUser } from '../auth/current-user';
import { getDb, type TDb } from '../db/client';
import { announceChange } from '../live/changes';
import type { Role } from '../db/generated/enums';
import type { TActionState } from './action-state';
import { formToObject, typedValues } from './form-values';
import { toUserError } from './to-user-error';

export type TActionContext = { db: TDb; user: TCurrentUser; actor: TAuditActor };

type TActionSpec<TSchema extends z.ZodType, TOut> = {
  /** Stable name for logs, e.g. `melding.assess`. */
  name: string;
  roles: readonly Role[];
  input: TSchema;
  /** The Dutch message on success (or made from the verb's result). */
  success: string | ((out: TOut, input: z.infer<TSchema>) => string);
  /** Paths to revalidate after success. */
  revalidate?: (input: z.infer<TSchema>) => string[];
  /** Extra strings for the form on success (e.g. a generated password shown once). */
  data?: (out: TOut) => Record<string, string> | undefined;
  run: (ctx: TActionContext, input: z.infer<TSchema>) => Promise<TOut>;
};

/**
 * The one way a server action is written: the role check, zod parsing of the form, one verb,
 * error mapping (typed errors keep their Dutch message, anything else becomes a generic message
 * and a log line with a stable code), revalidation. On failure the typed values go back.
 */
export function serverAction<TSchema extends z.ZodType, TOut>(
  spec: TActionSpec<TSchema, TOut>,
): (previous: TActionState, form: FormData) => Promise<TActionState> {
  return async (_previous, form) => {
    const user = await requireUser(spec.roles);
    let input: z.infer<TSchema>;
    let out: TOut;
    try {
      input = spec.input.parse(formToObject(form));
      out = await spec.run({ db: getDb(), user, actor: await auditActor(user) }, input);
    } catch (err) {
      const { message } = toUserError(err, spec.name);
      return { ok: false, message, at: Date.now(), values: typedValues(form) };
    }
    // Other people's open pages refresh (lib/live); a lost announcement only delays that.
    await announceChange(getDb()).catch(() => {});
    for (const path of spec.revalidate?.(input) ?? []) revalidatePath(path);
    const message = typeof spec.success === 'string' ? spec.success : spec.success(out, input);
    const data = spec.data?.(out);
    return { ok: true, message, at: Date.now(), ...(data ? { data } : {}) };
  };
}
