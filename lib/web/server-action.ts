import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { TAuditActor } from '../audit/audit';
import { getSessionState, type TCurrentUser } from './current-user';
import { requireUser } from './require-user';
import { auditActor } from './request-origin';
import type { TStage } from '../auth/session-stage';
import { getDb, type TDb } from '../db/client';
import { announceChange } from '../live/changes';
import type { Role } from '../db/generated/enums';
import type { TActionState } from './action-state';
import { formToObject, typedValues } from './form-values';
import { timeRequest } from '../metrics/registry';
import { toUserError } from './to-user-error';

export type TActionContext = { db: TDb; user: TCurrentUser; actor: TAuditActor };

export const SESSION_EXPIRED = 'Uw sessie is verlopen. Log opnieuw in.';

type TGuard = {
  /** Stable name for logs, e.g. `melding.assess`. */
  name: string;
  /** Roles allowed; left out: any signed-in user. */
  roles?: readonly Role[];
  /**
   * For the sign-in steps before a session is `ready` (TOTP enrolment, forced password change):
   * the stages this action serves. A session in another stage gets a Dutch "session expired"
   * message instead of a redirect, and `roles` is not checked.
   */
  stages?: readonly TStage[];
};

/**
 * Write `run` right after `input`: TypeScript infers the verb's result from it, left to right,
 * before it types `success`, `data` and `redirect`.
 */
type TActionSpec<TSchema extends z.ZodType, TOut> = TGuard & {
  input: TSchema;
  /** The Dutch message on success (or made from the verb's result). */
  success: string | ((out: NoInfer<TOut>, input: z.infer<TSchema>) => string);
  /** Paths to revalidate after success. */
  revalidate?: (input: z.infer<TSchema>) => string[];
  /** Extra strings for the form on success (e.g. a generated password shown once). */
  data?: (out: NoInfer<TOut>) => Record<string, string> | undefined;
  /** Where to go after success instead of answering the form. */
  redirect?: (out: NoInfer<TOut>, input: z.infer<TSchema>) => string;
  run: (ctx: TActionContext, input: z.infer<TSchema>) => Promise<TOut>;
};

/** The signed-in user this action may act for, or null when the session is in another sign-in stage. */
async function guard(spec: TGuard): Promise<TCurrentUser | null> {
  if (!spec.stages) return requireUser(spec.roles);
  const state = await getSessionState();
  return state && spec.stages.includes(state.stage) ? state.user : null;
}

/**
 * The one way a server action is written: the role check, zod parsing of the form, one verb,
 * error mapping (typed errors keep their Dutch message, anything else becomes a generic message
 * and a log line with a stable code), revalidation. On failure the typed values go back.
 */
export function serverAction<TSchema extends z.ZodType, TOut>(
  spec: TActionSpec<TSchema, TOut>,
): (previous: TActionState, form: FormData) => Promise<TActionState> {
  const act = async (form: FormData): Promise<TActionState> => {
    const user = await guard(spec);
    if (!user) return { ok: false, message: SESSION_EXPIRED, at: Date.now() };
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
    // redirect() throws Next's own signal: outside the try, so it is not mapped as an error.
    if (spec.redirect) redirect(spec.redirect(out, input));
    const message = typeof spec.success === 'string' ? spec.success : spec.success(out, input);
    const data = spec.data?.(out);
    return { ok: true, message, at: Date.now(), ...(data ? { data } : {}) };
  };
  return (_previous, form) =>
    timeRequest(
      spec.name,
      'ACTION',
      () => act(form),
      (state) => (state?.ok ? 200 : 422),
    );
}

type TFormActionSpec<TSchema extends z.ZodType, TOut> = TGuard & {
  input: TSchema;
  run: (ctx: TActionContext, input: z.infer<TSchema>) => Promise<TOut>;
  /** Where the browser goes afterwards. */
  redirect: (out: NoInfer<TOut>, input: z.infer<TSchema>) => string;
};

/**
 * A plain `<form action>` that always navigates on (no state to answer with: a search that
 * redirects, "sign out everywhere"). Same guard, parsing, logging; an error is logged and shown
 * by the error page.
 */
export function formAction<TSchema extends z.ZodType, TOut>(
  spec: TFormActionSpec<TSchema, TOut>,
): (form: FormData) => Promise<void> {
  return async (form) => {
    const user = await guard(spec);
    if (!user) redirect('/login');
    let input: z.infer<TSchema>;
    let out: TOut;
    try {
      input = spec.input.parse(formToObject(form));
      out = await spec.run({ db: getDb(), user, actor: await auditActor(user) }, input);
    } catch (err) {
      toUserError(err, spec.name);
      throw err;
    }
    redirect(spec.redirect(out, input));
  };
}
