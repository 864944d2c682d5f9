import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { getHuisstijl } from '@/lib/theme/get-huisstijl';
import { themeCss } from '@/lib/theme/theme-css';

export const dynamic = 'force-dynamic';

/**
 * The huisstijl's design tokens as a stylesheet from our own origin (the CSP allows no inline
 * styles). Every page links it; revalidated on each load (ETag), so a beheerder's change shows
 * on the next page.
 */
export async function GET(request: Request) {
  const css = themeCss(await getHuisstijl({ db: getDb() }));
  const etag = `"${createHash('sha256').update(css).digest('base64url').slice(0, 22)}"`;
  const headers = { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache', etag };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(css, { headers });
}
