import { exportAccessReview } from '@/lib/users/export-access-review';
import { csvResponse } from '../../../_shared/csv-response';

export const dynamic = 'force-dynamic';

export function GET() {
  return csvResponse(`toegangsoverzicht-${new Date().toISOString().slice(0, 10)}.csv`, (c) =>
    exportAccessReview(c),
  );
}
