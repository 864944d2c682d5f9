import { z } from 'zod';
import { getQueueAttachment } from '@/lib/ingest/get-queue-attachment';
import { contentDisposition } from '@/lib/web/content-disposition';
import { routeHandler } from '@/lib/web/route-handler';

export const dynamic = 'force-dynamic';

/** An attachment of a work-queue mail: hostile until proven otherwise, so only ever a download. */
export const GET = routeHandler({
  name: 'postvak.attachment',
  roles: ['MEDEWERKER', 'BEHEERDER'],
  params: z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(1000) }),
  run: async ({ db, actor, params }) => {
    const file = await getQueueAttachment({ db, actor, id: params.id, index: params.index });
    return new Response(new Uint8Array(file.content), {
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': contentDisposition('attachment', file.filename),
        'Content-Length': String(file.content.length),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
