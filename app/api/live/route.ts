import { z } from 'zod';
import { countOpenQueueItems } from '@/lib/ingest/count-open-queue-items';
import { changeVersion } from '@/lib/live/change-version';
import { countNewMeldingen } from '@/lib/melding/count-new-meldingen';
import { routeHandler } from '@/lib/web/route-handler';

export const dynamic = 'force-dynamic';

/** Counts per change version and role: a poll between changes costs no query at all. */
const cache = new Map<string, { open: number; nieuw: number }>();

/**
 * What live pages poll (every few seconds): the change version (in memory, lib/live) and the
 * counts for the tab title and navigation. Only numbers: no personal data.
 */
export const GET = routeHandler({
  name: 'live.poll',
  roles: ['MEDEWERKER', 'BEHEERDER', 'COORDINATOR'],
  params: z.unknown(),
  run: async ({ db, user, request }) => {
    const melding = new URL(request.url).searchParams.get('melding');
    const version = await changeVersion(melding && /^[0-9a-f-]{36}$/.test(melding) ? melding : undefined);
    const key = `${version}|${user.role}`;
    let counts = cache.get(key);
    if (!counts) {
      counts = {
        open: await countOpenQueueItems({ db, role: user.role }),
        nieuw: await countNewMeldingen({ db, role: user.role }),
      };
      cache.clear();
      cache.set(key, counts);
    }
    return Response.json({ version, ...counts }, { headers: { 'cache-control': 'no-store' } });
  },
});
