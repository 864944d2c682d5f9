import { overdueCutoff } from './overdue';

/** Waiting for an aanvulling, unanswered, longer than the reminder setting allows. */
export function needsHerinnering(
  m: { status: string; reactieOntvangen: boolean; aanvullingGevraagdAt: Date | null },
  herinneringWerkdagen: number,
  now: Date,
): boolean {
  return (
    m.status === 'AANVULLING_GEVRAAGD' &&
    !m.reactieOntvangen &&
    m.aanvullingGevraagdAt !== null &&
    m.aanvullingGevraagdAt < overdueCutoff(herinneringWerkdagen, now)
  );
}
