import { getEnv } from '../env';

/** Idle timeout and absolute lifetime of a session, from SESSION_IDLE_MIN and SESSION_MAX_HOURS. */
export function sessionTimes(): { idleMs: number; maxMs: number } {
  const env = getEnv();
  return { idleMs: env.SESSION_IDLE_MIN * 60_000, maxMs: env.SESSION_MAX_HOURS * 3_600_000 };
}
