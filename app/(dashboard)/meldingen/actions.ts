'use server';

import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/require-user';
import { sealSearch } from '@/lib/melding/search-token';

/** The filter fields the inbox form posts besides the search text; none holds personal data. */
const FILTER_FIELDS = ['status', 'toegewezen', 'van', 'tot', 'sort'] as const;

/**
 * The inbox form is posted here, so the search text (a BSN, a name) is never in a URL: it comes
 * back sealed as `?zoek=` (lib/melding/search-token.ts), the filters as plain parameters.
 */
export async function searchMeldingenAction(form: FormData): Promise<void> {
  const user = await requireUser(['MEDEWERKER']);
  const params = new URLSearchParams();
  const q = form.get('q');
  if (typeof q === 'string' && q.trim()) params.set('zoek', sealSearch({ q: q.trim(), userId: user.id }));
  for (const field of FILTER_FIELDS) {
    const value = form.get(field);
    if (typeof value === 'string' && value) params.set(field, value);
  }
  for (const badge of form.getAll('badge')) if (typeof badge === 'string') params.append('badge', badge);
  const query = params.toString();
  redirect(query ? `/meldingen?${query}` : '/meldingen');
}
