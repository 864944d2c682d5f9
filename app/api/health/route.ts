import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getHealth } from '@/lib/health/get-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await getHealth({ db: getDb(), heartbeatSec: getEnv().WORKER_HEARTBEAT_SEC });
  return Response.json(health, {
    status: health.database === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
