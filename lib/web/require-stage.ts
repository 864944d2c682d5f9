import 'server-only';
import { redirect } from 'next/navigation';
import { getSessionState, type TSessionState } from './current-user';
import { STAGE_PATH, type TStage } from '../auth/session-stage';

/** For the sign-in step pages: the session when it is at one of `stages`, else off to where it belongs. */
export async function requireStage(stages: readonly TStage[]): Promise<TSessionState> {
  const state = await getSessionState();
  if (!state) redirect('/login');
  if (!stages.includes(state.stage)) redirect(state.stage === 'ready' ? '/' : STAGE_PATH[state.stage]);
  return state;
}
