import { Readable } from 'node:stream';
import { z } from 'zod';
import { getAttachment } from '@/lib/melding/get-attachment';
import { routeHandler } from '@/lib/web/route-handler';
import { contentDisposition } from '@/lib/web/content-disposition';

export const dynamic = 'force-dynamic';

/** The original form or another attachment, for medewerkers, audited; always a download (a PDF may carry JavaScript). */
export const GET = routeHandler({
  name: 'melding.attachment',
  // Who may see which melding is decided inside the verb's `where` (a refusal is audited there).
  params: z.object({ id: z.string(), bijlageId: z.string() }),
  run: async ({ db, user, actor, params }) => {
    const file = await getAttachment({
      db,
      user,
      actor,
      meldingId: params.id,
      attachmentId: params.bijlageId,
    });
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition('attachment', file.filename),
        'Content-Length': String(file.size),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
