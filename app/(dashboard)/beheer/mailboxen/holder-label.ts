/**
 * Which background process holds a mailbox, in words: the holder is recorded as `host:pid` by
 * the mail worker (workers/mailbox/manager.ts); a beheerder needs to know whether one is active
 * and on which server, not the identifier.
 */
export function holderLabel(holder: string | null): string {
  if (!holder) return 'Geen (de mailbox wordt nu niet gelezen)';
  const at = holder.lastIndexOf(':');
  return at > 0
    ? `Actief op server ${holder.slice(0, at)} (proces ${holder.slice(at + 1)})`
    : `Actief (${holder})`;
}
