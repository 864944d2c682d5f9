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
export async function exportStatistieken(o: {
  db: TDb;
  role: Role;
  actor: TAuditActor;
  filter: TStatsFilter;
  tabel: TTableKey | 'alle';
  formaat: TExportFormaat;
}): Promise<TStatsExport> {
  const details = {
    tabel: o.tabel,
    formaat: o.formaat,
    van: o.filter.van,
    tot: o.filter.tot,
    gemeente: o.filter.gemeente,
    eenheid: o.filter.eenheid,
    basisteam: o.filter.basisteam,
  };
  if (o.tabel === 'alle' && o.formaat === 'csv')
    throw new AppError('validation', 'CSV bevat één tabel; kies XLSX voor alle tabellen');
  let figuren;
  try {
    figuren = await getStatistieken({ db: o.db, role: o.role, filter: o.filter });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      await audit(o.db, {
        actor: o.actor,
        action: 'stats.export',
        objectType: 'system',
        objectId: 'statistieken',
        outcome: 'DENIED',
        details,
      });
    throw err;
  }
  const tables = buildTables(figuren).filter((t) => o.tabel === 'alle' || t.key === o.tabel);
  const body = o.formaat === 'csv' ? Buffer.from(tableToCsv(tables[0]!), 'utf8') : await tablesToXlsx(tables);
  await audit(o.db, {
    actor: o.actor,
    action: 'stats.export',
    objectType: 'system',
    objectId: 'statistieken',
    details,
  });
  return {
    filename: `statistieken-${o.tabel}-${o.filter.van}-${o.filter.tot}.${o.formaat}`,
    contentType: CONTENT_TYPE[o.formaat],
    body,
  };
}
