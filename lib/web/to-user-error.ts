import { AppError, toHttpError } from '../errors';
import { errFields, getLogger } from '../log';

const log = getLogger('web');

/**
 * The one mapping from a thrown error to what a person sees: a typed error's own Dutch message,
 * a validation error's first issue, and for anything unexpected a generic message — logged here
 * with a stable event code and the route, never with the error's attached objects.
 */
export function toUserError(err: unknown, where: string): { status: number; code: string; message: string } {
  const { status, body } = toHttpError(err);
  if (status >= 500 && !(err instanceof AppError))
    log.error({ code: 'web_unexpected_error', where, err: errFields(err) }, 'unexpected error');
  return { status, code: body.code, message: body.message };
}
