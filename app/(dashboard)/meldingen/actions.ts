'use server';

import { z } from 'zod';
import { sealSearch } from '@/lib/melding/search-token';
import { formAction } from '@/lib/web/server-action';

/** The filter fields the inbox form posts besides the search text; none holds personal data. */
const FILTER_FIELDS = ['status', 'toegewezen', 'van', 'tot', 'sort'] as const;

const ZInboxForm = z.looseObject({
  q: z.string().optional(),
  badge: z.union([z.string(), z.array(z.string())]).optional(),
});

/**
 * The inbox form is posted here, so the search text (a BSN, a name) is never in a URL: it comes
 * back sealed as `?zoek=` (lib/melding/search-token.ts), the filters as plain parameters.
 */
export const searchMeldingenAction = formAction({
  name: 'melding.search',
  roles: ['MEDEWERKER'],
  input: ZInboxForm,
  run: async ({ user }, input) => {
    const params = new URLSearchParams();
    const q = input.q?.trim();
    if (q) params.set('zoek', sealSearch({ q, userId: user.id }));
    for (const field of FILTER_FIELDS) {
      const value = input[field];
      if (typeof value === 'string' && value) params.set(field, value);
    }
    for (const badge of [input.badge ?? []].flat()) params.append('badge', badge);
    const query = params.toString();
    return query ? `/meldingen?${query}` : '/meldingen';
  },
  redirect: (url) => url,
});
