import { z } from 'zod';
import { exportStatistieken } from '@/lib/stats/export-statistieken';
import { parseStatsFilter } from '@/lib/stats/period';
import { TABELLEN } from '@/lib/stats/tables';
import { downloadResponse } from '@/lib/web/download';
import { routeHandler } from '@/lib/web/route-handler';

export const dynamic = 'force-dynamic';

/** The table and format; the other query parameters are the statistics filter (period, gemeente…). */
const ZExport = z
  .object({ tabel: z.enum([...TABELLEN, 'alle']), formaat: z.enum(['csv', 'xlsx']) })
  .catchall(z.string());

/** GET /statistieken/export?tabel=…&formaat=csv|xlsx&van=…&tot=…: one table (or all, XLSX), audited. */
export const GET = routeHandler({
  name: 'stats.export',
  // Which roles may see the statistics is a setting: the verb decides.
  query: ZExport,
  run: async ({ db, user, actor, query }) =>
    downloadResponse(
      await exportStatistieken({
        db,
        role: user.role,
        actor,
        filter: parseStatsFilter(query),
        tabel: query.tabel,
        formaat: query.formaat,
      }),
    ),
});
