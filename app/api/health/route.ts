import { createHash, timingSafeEqual } from 'node:crypto';
import { getCurrentUser } from '@/lib/web/current-user';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getHealth, HEALTH_CHECK_TIMEOUT_MS, type TPublicHealth } from '@/lib/health/get-health';

export const dynamic = 'force-dynamic';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The configured monitoring token, compared in constant time. */
function hasHealthToken(request: Request): boolean {
  const configured = getEnv().MELDPOST_HEALTH_TOKEN;
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  return !!configured && !!given && timingSafeEqual(digest(given), digest(configured));
}

/** A signed-in beheerder; never waits past the health timeout (the session lives in the database). */
async function isBeheerder(request: Request): Promise<boolean> {
  if (!request.headers.get('cookie')) return false;
  const user = await Promise.race([
    getCurrentUser().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), HEALTH_CHECK_TIMEOUT_MS).unref()),
  ]);
  return user?.role === 'BEHEERDER';
}

/** ok / degraded → 200, down → 503. Anyone sees the status; details need a beheerder or the token. */
export async function GET(request: Request) {
  const env = getEnv();
  const health = await getHealth({
    db: getDb(),
    heartbeatSec: env.WORKER_HEARTBEAT_SEC,
    dataDir: env.dataDir,
  });
  const detailed = hasHealthToken(request) || (await isBeheerder(request));
  const body: TPublicHealth | typeof health = detailed ? health : { status: health.status };
  return Response.json(body, {
    status: health.status === 'down' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
