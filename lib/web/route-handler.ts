import 'server-only';
import { z } from 'zod';
import type { TAuditActor } from '../audit/audit';
import { auditActor } from './request-origin';
import { getCurrentUser, type TCurrentUser } from './current-user';
import { getDb, type TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { timeRequest } from '../metrics/registry';
import { toUserError } from './to-user-error';

export type TRouteContext<TParams, TQuery> = {
  db: TDb;
  user: TCurrentUser;
  actor: TAuditActor;
  params: TParams;
  query: TQuery;
  request: Request;
};

const ZNone = z.object({});
type TNone = typeof ZNone;

type TRouteSpec<TParams extends z.ZodType, TQuery extends z.ZodType> = {
  name: string;
  /** Roles allowed; left out: any signed-in user (the verb decides, inside its `where`). */
  roles?: readonly Role[];
  /** The route's path parameters, validated. */
  params?: TParams;
  /** The query string (one value per name), validated. */
  query?: TQuery;
  run: (ctx: TRouteContext<z.infer<TParams>, z.infer<TQuery>>) => Promise<Response>;
};

const NO_STORE = { 'cache-control': 'no-store', 'content-type': 'application/json' };

const jsonError = (status: number, code: string, message: string) =>
  Response.json({ code, message }, { status, headers: NO_STORE });

/**
 * The one way a signed-in route handler is written: sign-in and role check (401 without a
 * session, 404 for another role, so a route's existence is not revealed), zod-validated params
 * and query, one verb that returns the Response, and the same error mapping as server actions
 * (JSON error body with a stable code; nothing unexpected leaks, it is logged instead).
 */
export function routeHandler<TParams extends z.ZodType = TNone, TQuery extends z.ZodType = TNone>(
  spec: TRouteSpec<TParams, TQuery>,
) {
  const handle = async (request: Request, context: { params?: Promise<unknown> }): Promise<Response> => {
    const user = await getCurrentUser();
    if (!user) return jsonError(401, 'unauthenticated', 'Niet ingelogd');
    if (spec.roles && !spec.roles.includes(user.role)) return jsonError(404, 'not_found', 'Niet gevonden');
    try {
      // Without a schema the generic is its default, ZNone: the same schema, so no widening happens.
      const params = ((spec.params ?? ZNone) as TParams).parse((await context.params) ?? {});
      const query = ((spec.query ?? ZNone) as TQuery).parse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      return await spec.run({ db: getDb(), user, actor: await auditActor(user), params, query, request });
    } catch (err) {
      const { status, code, message } = toUserError(err, spec.name);
      return jsonError(status, code, message);
    }
  };
  return (request: Request, context: { params?: Promise<unknown> }) =>
    timeRequest(
      spec.name,
      request.method,
      () => handle(request, context),
      (response) => response.status,
    );
}
