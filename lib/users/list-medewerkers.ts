import 'server-only';
import { AppError } from '../errors';
import { mayTriage, type TActing } from '../melding/melding-scope';

/** Active medewerkers a melding can be assigned to (for medewerkers only). */
export async function listMedewerkers(opts: Omit<TActing, 'actor'>) {
  if (!mayTriage(opts.user)) throw new AppError('forbidden', 'U heeft geen toegang tot meldingen');
  return opts.db.user.findMany({
    where: { role: 'MEDEWERKER', active: true },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
  });
}
