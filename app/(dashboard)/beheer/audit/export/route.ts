import { exportAuditEvents } from '@/lib/audit/export-audit-events';
import { ZAuditFilter } from '@/lib/audit/search-audit-events';
import { downloadResponse, fileDate } from '@/lib/web/download';
import { routeHandler } from '@/lib/web/route-handler';

export const dynamic = 'force-dynamic';

/** The audit log under the viewer's filters as CSV; the export is itself audited. */
export const GET = routeHandler({
  name: 'audit.export',
  roles: ['BEHEERDER'],
  query: ZAuditFilter,
  run: async ({ db, actor, query }) =>
    downloadResponse({
      body: await exportAuditEvents({ db, actor, filter: query }),
      contentType: 'text/csv; charset=utf-8',
      filename: `auditlog-${fileDate()}.csv`,
    }),
});
