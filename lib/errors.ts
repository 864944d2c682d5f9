/**
 * Typed domain errors with stable codes, and the one mapper to HTTP. Anything unexpected becomes
 * a generic 500 that leaks nothing.
 */
import { ZodError } from 'zod';

export type TErrorCode = 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated';

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const STATUS: Record<TErrorCode, number> = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
};

export function toHttpError(err: unknown): { status: number; body: { code: string; message: string } } {
  if (err instanceof ZodError) {
    const first = err.issues[0];
    return {
      status: 422,
      body: {
        code: 'validation',
        message: first ? `${first.path.join('.') || 'invoer'}: ${first.message}` : 'Ongeldige invoer',
      },
    };
  }
  if (err instanceof AppError)
    return { status: STATUS[err.code], body: { code: err.code, message: err.message } };
  return { status: 500, body: { code: 'internal', message: 'Er ging iets mis. Probeer het later opnieuw.' } };
}
