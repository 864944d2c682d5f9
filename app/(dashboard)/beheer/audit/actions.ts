'use server';

import { redirect } from 'next/navigation';
import { personKey } from '@/lib/audit/audit';
import { requireUser } from '@/lib/auth/require-user';
import { ZAuditFilter } from '@/lib/audit/search-audit-events';

/**
 * A person search posts the BSN or name + birth date and is redirected to their pseudonymous
 * key, so the BSN never appears in a URL (history, logs).
 */
export async function personSearchAction(form: FormData): Promise<void> {
  await requireUser(['BEHEERDER']);
  const get = (k: string) => (typeof form.get(k) === 'string' ? (form.get(k) as string) : '');
  const parsed = ZAuditFilter.pick({ bsn: true, achternaam: true, geboortedatum: true }).safeParse({
    bsn: get('bsn'),
    achternaam: get('achternaam'),
    geboortedatum: get('geboortedatum'),
  });
  const p = parsed.success ? parsed.data : null;
  const key = p && (p.bsn || (p.achternaam && p.geboortedatum)) ? personKey(p) : null;
  redirect(key ? `/beheer/audit?personKey=${key}&order=asc` : '/beheer/audit?persoonOngeldig=1');
}
