/**
 * Writes AuditEvents. The table is append-only (database trigger); this is the only writer.
 * `details` must never carry secrets or form content: only ids, codes and counts.
 */
import { createHmac } from 'node:crypto';
import { getEnv } from '../env';
import { personIdentities } from '../same-person';
import type { TDb, TTx } from '../db/client';
import type { AuditOutcome } from '../db/generated/enums';

export type TAuditActor = {
  id: string | null;
  label: string;
  onBehalfOfId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

export type TAuditInput = {
  actor: TAuditActor;
  action: string;
  objectType?: 'melding' | 'person' | 'mailbox' | 'user' | 'message' | 'system';
  objectId?: string | null;
  personKey?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, string | number | boolean | null>;
};

export const SYSTEM_ACTOR = (component: string): TAuditActor => ({ id: null, label: `systeem:${component}` });

export async function audit(db: TDb | TTx, e: TAuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: e.actor.id,
      actorLabel: e.actor.label,
      onBehalfOfId: e.actor.onBehalfOfId ?? null,
      ip: e.actor.ip ?? null,
      userAgent: e.actor.userAgent ?? null,
      action: e.action,
      objectType: e.objectType ?? null,
      objectId: e.objectId ?? null,
      personKey: e.personKey ?? null,
      outcome: e.outcome ?? 'SUCCESS',
      details: e.details ?? undefined,
    },
  });
}

/**
 * A stable pseudonymous key for a person, so the audit log can answer "who saw this person"
 * without holding the BSN itself: BSN if known, else normalised name + birth date.
 */
export function personKey(p: {
  bsn?: string | null;
  achternaam?: string | null;
  geboortedatum?: string | null;
}): string | null {
  const basis = personIdentities(p)[0];
  // Keyed: a plain hash of a 9-digit BSN is reversed by trying all of them.
  const key = Buffer.from(getEnv().MELDPOST_PSEUDONYM_KEY, 'base64');
  return basis ? createHmac('sha256', key).update(basis).digest('hex').slice(0, 32) : null;
}
