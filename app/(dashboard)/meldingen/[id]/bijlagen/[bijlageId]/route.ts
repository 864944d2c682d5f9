import { auditActor } from '@/lib/auth/require-user';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db/client';
import { toHttpError } from '@/lib/errors';
import { getAttachment } from '@/lib/melding/get-attachment';

export const dynamic = 'force-dynamic';

/** RFC 6266 filename: an ASCII fallback and the UTF-8 name, neither able to break the header. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * The original form or another attachment, for medewerkers, audited; always as a download
 * (never inline: a PDF may carry JavaScript).
 */
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
        'Content-Disposition': disposition(file.filename),
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
