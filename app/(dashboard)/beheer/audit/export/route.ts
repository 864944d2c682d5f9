import { exportAuditEvents } from '@/lib/audit/export-audit-events';
import { csvResponse } from '../../_shared/csv-response';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const filter = Object.fromEntries(new URL(request.url).searchParams);
  return csvResponse(`auditlog-${new Date().toISOString().slice(0, 10)}.csv`, (c) =>
    exportAuditEvents({ ...c, filter }),
  );
}
