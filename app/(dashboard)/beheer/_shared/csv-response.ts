import 'server-only';
import { NextResponse } from 'next/server';
import type { TAuditActor } from '@/lib/audit/audit';
import { getCurrentUser } from '@/lib/auth/current-user';
import { auditActor } from '@/lib/auth/require-user';
import { getDb, type TDb } from '@/lib/db/client';
import { toHttpError } from '@/lib/errors';
import { publicUrl } from '@/lib/web/public-url';

/**
 * A CSV download for a beheerder (route handlers have no page guard: checked here, 404 for other
 * roles as requireUser does), made by one lib/ verb that audits itself.
 */
export async function csvResponse(
  filename: string,
  make: (c: { db: TDb; actor: TAuditActor }) => Promise<string>,
): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(publicUrl('/login'));
  if (user.role !== 'BEHEERDER') return new NextResponse('Niet gevonden', { status: 404 });
  const actor = await auditActor(user);
  try {
    const csv = await make({ db: getDb(), actor });
    return new NextResponse(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    const { status, body } = toHttpError(err);
    return NextResponse.json(body, { status });
  }
}
