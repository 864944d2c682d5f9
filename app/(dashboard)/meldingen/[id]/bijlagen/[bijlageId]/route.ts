import { auditActor } from '@/lib/auth/require-user';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db/client';
import { toHttpError } from '@/lib/errors';
import { getAttachment } from '@/lib/melding/get-attachment';
import { contentDisposition } from '@/lib/web/content-disposition';

export const dynamic = 'force-dynamic';

/** The original form (inline PDF) or another attachment (download), for medewerkers; audited. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; bijlageId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response('Niet ingelogd', { status: 401 });
  const { id, bijlageId } = await ctx.params;
  try {
    const file = await getAttachment({
      db: getDb(),
      user,
      actor: await auditActor(user),
      meldingId: id,
      attachmentId: bijlageId,
    });
    return new Response(new Uint8Array(file.content), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition(file.inline ? 'inline' : 'attachment', file.filename),
        'Content-Length': String(file.content.length),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (err) {
    const { status, body } = toHttpError(err);
    return Response.json(body, { status });
  }
}
