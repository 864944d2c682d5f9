import { SYSTEM_ACTOR } from '../lib/audit/audit';
import type { TDb } from '../lib/db/client';
import { getKeyring } from '../lib/secrets/keyring';
import { planRetention } from '../lib/retention/plan-retention';
import { runRetention } from '../lib/retention/run-retention';
import { CliUsageError, parseCommandArgs } from './usage';

export const RETENTION_USAGE = `retention run [--dry-run]     bewaartermijn toepassen (met --dry-run: alleen tonen wat weg zou gaan)`;

/**
 * `retention run [--dry-run]` → JSON. The dry run lists ids and dates only (no kenmerken: the
 * output may end up in a terminal log); the run prints its counts.
 */
export async function retentionCommand(db: TDb, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { 'dry-run': { type: 'boolean' } },
    RETENTION_USAGE,
    { min: 1, max: 1 },
  );
  if (positionals[0] !== 'run') throw new CliUsageError(RETENTION_USAGE);
  if (values['dry-run']) {
    const plan = await planRetention({ db });
    const out = {
      dryRun: true,
      termMaanden: plan.termMaanden,
      grens: plan.cutoff.toISOString(),
      meldingen: plan.meldingen.map((m) => ({ id: m.id, afgesloten: m.closedAt.toISOString() })),
      losseBerichten: plan.losseBerichten,
      nietAfgesloten: plan.nietAfgesloten.map((m) => ({
        id: m.id,
        ontvangen: m.receivedAt.toISOString(),
        status: m.status,
      })),
      openstaandInMailbox: plan.openstaandInMailbox,
      kopieenInVerzonden: plan.kopieenInVerzonden,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  const result = await runRetention({ db, ring: getKeyring(), actor: SYSTEM_ACTOR('cli') });
  process.stdout.write(`${JSON.stringify({ dryRun: false, ...result })}\n`);
  return 0;
}
