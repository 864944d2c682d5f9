import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { tableToCsv, tablesToXlsx } from './export';
import type { TStatsFilter } from './period';
import { buildTables, type TTableKey } from './tables';
import { AppError } from '../errors';
import { getStatistieken } from './get-statistieken';

export type TExportFormaat = 'csv' | 'xlsx';
export type TStatsExport = { filename: string; contentType: string; body: Buffer };

const CONTENT_TYPE: Record<TExportFormaat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * One statistics table (or, as XLSX, all of them) as a file, with the same suppressed cells as the
 * page. Every export is audited (`stats.export`), refused ones too.
 */
export async function exportStatistieken(opts: {
  db: TDb;
  role: Role;
  actor: TAuditActor;
  filter: TStatsFilter;
  tabel: TTableKey | 'alle';
  formaat: TExportFormaat;
}): Promise<TStatsExport> {
  const details = {
    tabel: opts.tabel,
    formaat: opts.formaat,
    van: opts.filter.van,
    tot: opts.filter.tot,
    gemeente: opts.filter.gemeente,
    eenheid: opts.filter.eenheid,
    basisteam: opts.filter.basisteam,
  };
  if (opts.tabel === 'alle' && opts.formaat === 'csv')
    throw new AppError('validation', 'CSV bevat één tabel; kies XLSX voor alle tabellen');
  let figuren;
  try {
    figuren = await getStatistieken({ db: opts.db, role: opts.role, filter: opts.filter });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      await audit(opts.db, {
        actor: opts.actor,
        action: 'stats.export',
        objectType: 'system',
        objectId: 'statistieken',
        outcome: 'DENIED',
        details,
      });
    throw err;
  }
  const tables = buildTables(figuren).filter((t) => opts.tabel === 'alle' || t.key === opts.tabel);
  const body =
    opts.formaat === 'csv' ? Buffer.from(tableToCsv(tables[0]!), 'utf8') : await tablesToXlsx(tables);
  await audit(opts.db, {
    actor: opts.actor,
    action: 'stats.export',
    objectType: 'system',
    objectId: 'statistieken',
    details,
  });
  return {
    filename: `statistieken-${opts.tabel}-${opts.filter.van}-${opts.filter.tot}.${opts.formaat}`,
    contentType: CONTENT_TYPE[opts.formaat],
    body,
  };
}
