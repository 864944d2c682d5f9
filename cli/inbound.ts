import { parseArgs } from 'node:util';
import type { TDb } from '../lib/db/client';
import { STATE_LABELS, type TInboundStateCode } from '../lib/ingest/inbound-codes';
import { listInbound } from '../lib/ingest/list-inbound';
import { CliUsageError } from './usage';

export const INBOUND_USAGE =
  'inbound list [--state CODE[,CODE…]] [--since DATUM]   berichten in het ontvangstlogboek, één JSON-regel per bericht';

const STATE_CODES = Object.keys(STATE_LABELS) as TInboundStateCode[];

/** `inbound list`: one JSON object per line for every ledger message (README "Postvak en inbound list"). */
export async function inboundCommand(db: TDb, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw new CliUsageError(INBOUND_USAGE);
  let values: { state?: string[]; since?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: { state: { type: 'string', multiple: true }, since: { type: 'string' } },
    }));
  } catch (err) {
    throw new CliUsageError(`${INBOUND_USAGE}\n${err instanceof Error ? err.message : String(err)}`);
  }
  const states = (values.state ?? []).flatMap((s) => s.split(',')).map((s) => s.trim().toLowerCase());
  const unknown = states.filter((s) => !STATE_CODES.includes(s as TInboundStateCode));
  if (unknown.length)
    throw new CliUsageError(`Onbekende status: ${unknown.join(', ')}. Geldig: ${STATE_CODES.join(', ')}`);
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime()))
    throw new CliUsageError(`--since verwacht een datum of tijdstip (ISO 8601), niet "${values.since}"`);
  for await (const item of listInbound({ db, states: states as TInboundStateCode[], since }))
    process.stdout.write(`${JSON.stringify(item)}\n`);
  return 0;
}
