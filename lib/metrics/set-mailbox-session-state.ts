import { getMetrics } from './registry';

/**
 * Where a mailbox's IMAP session in this worker stands:
 * - `connecting`: logging in and opening the folders;
 * - `syncing`: reconciling by UID and processing what came in;
 * - `idle`: connected and waiting (IMAP IDLE) for new mail or the next poll;
 * - `reconnecting`: the session ended with an error; a new one starts after the back-off;
 * - `config_error`: login or settings refused; retried after a long wait or a changed mailbox;
 * - `stopped`: no session (the mailbox was disabled or changed, or the worker stops).
 */
const MAILBOX_SESSION_STATES = [
  'connecting',
  'syncing',
  'idle',
  'reconnecting',
  'config_error',
  'stopped',
] as const;
type TMailboxSessionState = (typeof MAILBOX_SESSION_STATES)[number];

/** Sets the session-state gauge of `mailbox` (by name): 1 for `state`, 0 for every other state. */
export function setMailboxSessionState(mailbox: string, state: TMailboxSessionState): void {
  const gauge = getMetrics().mailboxSession;
  for (const s of MAILBOX_SESSION_STATES) gauge.set({ mailbox, state: s }, s === state ? 1 : 0);
}
