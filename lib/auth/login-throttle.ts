/**
 * When failed sign-ins lock an account or an IP address. Pure, so the rule is tested on its own:
 * `max` failures within `windowMs` lock for `lockMs` from the failure that reached the limit.
 * Attempts refused during a lock are not recorded as failures, so an attacker cannot keep a lock
 * going forever without also being limited per IP. The rule is the same for unknown e-mail
 * addresses, so a lock never reveals whether an account exists.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_LOCK_MS = 15 * 60_000;
export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 20;

/** How far back failures matter: one window plus one lock. */
export const LOGIN_LOOKBACK_MS = LOGIN_WINDOW_MS + LOGIN_LOCK_MS;

/** The end of the lock the failures (ascending, since the last success) put in place, if still running. */
export function lockedUntil(
  failures: readonly Date[],
  max: number,
  now: Date,
  windowMs = LOGIN_WINDOW_MS,
  lockMs = LOGIN_LOCK_MS,
): Date | null {
  let until: number | null = null;
  let inWindow: number[] = [];
  for (const f of failures) {
    const t = f.getTime();
    if (until !== null && t < until) continue;
    inWindow = inWindow.filter((w) => w > t - windowMs);
    inWindow.push(t);
    if (inWindow.length >= max) {
      until = t + lockMs;
      inWindow = [];
    }
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}

export const LOGIN_MESSAGES = {
  invalid: 'Inloggen mislukt. Controleer uw e-mailadres en wachtwoord.',
  locked: 'Te veel mislukte pogingen. Wacht 15 minuten en probeer het daarna opnieuw.',
  code: 'De code klopt niet of is verlopen. Probeer het opnieuw.',
} as const;
