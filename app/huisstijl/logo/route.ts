import { readFile } from 'node:fs/promises';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

const TYPES: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/**
 * The logo of MELDPOST_HUISSTIJL_LOGO. Shown with <img>, so an SVG's scripts never run; opened
 * directly, the site's CSP (proxy.ts) allows no script without the page's nonce.
 */
export async function GET() {
  const file = getEnv().MELDPOST_HUISSTIJL_LOGO;
  if (!file) return new Response('Geen logo ingesteld', { status: 404 });
  const type = TYPES[file.split('.').pop()!.toLowerCase()]!;
  return new Response(new Uint8Array(await readFile(file)), {
    headers: {
      'content-type': type,
      'cache-control': 'public, max-age=300',
    },
  });
}
