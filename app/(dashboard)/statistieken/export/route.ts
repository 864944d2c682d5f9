import { z } from 'zod';
import { auditActor } from '@/lib/auth/require-user';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db/client';
import { toHttpError } from '@/lib/errors';
import { exportStatistieken } from '@/lib/stats/export-statistieken';
import { parseStatsFilter } from '@/lib/stats/period';
import { TABELLEN } from '@/lib/stats/tables';

export const dynamic = 'force-dynamic';

const ZExport = z.object({ tabel: z.enum([...TABELLEN, 'alle']), formaat: z.enum(['csv', 'xlsx']) });

/** GET /statistieken/export?tabel=…&formaat=csv|xlsx&van=…&tot=…: one table (or all, XLSX), audited. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ code: 'unauthenticated', message: 'Niet ingelogd' }, { status: 401 });
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const { tabel, formaat } = ZExport.parse(params);
    const file = await exportStatistieken({
      db: getDb(),
      role: user.role,
      actor: await auditActor(user),
      filter: parseStatsFilter(params),
      tabel,
      formaat,
    });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    const { status, body } = toHttpError(err);
    return Response.json(body, { status });
  }
}
