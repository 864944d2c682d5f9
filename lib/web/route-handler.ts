import 'server-only';
import type { z } from 'zod';
import type { TAuditActor } from '../audit/audit';
import { auditActor, requireUser } from '../auth/require-user';
import type { TCurrentUser } from '../auth/current-user';
import { getDb, type TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { timeRequest } from '../metrics/registry';
import { toUserError } from './to-user-error';

export type TRouteContext<TParams> = {
  db: TDb;
  user: TCurrentUser;
  actor: TAuditActor;
  params: TParams;
  request: Request;
};

type TRouteSpec<TSchema extends z.ZodType> = {
  name: string;
  roles: readonly Role[];
  /** The route's path parameters, validated. */
  params: TSchema;
  run: (ctx: TRouteContext<z.infer<TSchema>>) => Promise<Response>;
};

/**
 * The one way a signed-in route handler is written: role check, zod-validated params, one verb
 * that returns the Response, and the same error mapping as server actions (JSON error body with a
 * stable code; nothing unexpected leaks, it is logged with a stable code instead).
 */
export function routeHandler<TSchema extends z.ZodType>(spec: TRouteSpec<TSchema>) {
  const handle = async (request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    const user = await requireUser(spec.roles);
    try {
      const params = spec.params.parse(await context.params);
      return await spec.run({ db: getDb(), user, actor: await auditActor(user), params, request });
    } catch (err) {
      const { status, code, message } = toUserError(err, spec.name);
      return Response.json(
        { code, message },
        { status, headers: { 'cache-control': 'no-store', 'content-type': 'application/json' } },
      );
    }
  };
  return (request: Request, context: { params: Promise<unknown> }) =>
    timeRequest(
      spec.name,
      request.method,
      () => handle(request, context),
      (response) => response.status,
    );
}
