import { exportAccessReview } from '@/lib/users/export-access-review';
import { downloadResponse, fileDate } from '@/lib/web/download';
import { routeHandler } from '@/lib/web/route-handler';

export const dynamic = 'force-dynamic';

/** The access review as CSV; audited. */
export const GET = routeHandler({
  name: 'users.export-access-review',
  roles: ['BEHEERDER'],
  run: async ({ db, actor }) =>
    downloadResponse({
      body: await exportAccessReview({ db, actor }),
      contentType: 'text/csv; charset=utf-8',
      filename: `toegangsoverzicht-${fileDate()}.csv`,
    }),
});
