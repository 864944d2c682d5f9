import 'server-only';
import { revalidatePath } from 'next/cache';
import type { TAuditActor } from '@/lib/audit/audit';
import { auditActor, requireUser } from '@/lib/auth/require-user';
import { getDb, type TDb } from '@/lib/db/client';
import { toHttpError } from '@/lib/errors';
import type { TAdminState } from './action-state';

export type TAdminCall = { db: TDb; actor: TAuditActor };

/**
 * Every administration action: a signed-in beheerder → one lib/ verb (which parses and
 * checks the role again) → a Dutch message. Errors become their safe message (lib/errors),
 * never a stack or a secret.
 */
export async function runAdminAction(
  path: string,
  success: string,
  fn: (c: TAdminCall) => Promise<Record<string, string> | void>,
): Promise<TAdminState> {
  const user = await requireUser(['BEHEERDER']);
  let data: Record<string, string> | void;
  try {
    data = await fn({ db: getDb(), actor: await auditActor(user) });
  } catch (err) {
    return { ok: false, message: toHttpError(err).body.message, at: Date.now() };
  }
  revalidatePath(path);
  return { ok: true, message: success, at: Date.now(), ...(data ? { data } : {}) };
}

export const field = (form: FormData, key: string): string => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};
