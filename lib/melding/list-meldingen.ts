import 'server-only';
import { z } from 'zod';
import { audit } from '../audit/audit';
import type { Prisma } from '../db/generated/client';
import { BADGES, type TBadge } from './labels';
import { needsHerinnering } from './needs-herinnering';
import { isOverdue, overdueCutoff } from './overdue';
import { werkdagenTussen } from '../werkdagen';
import { AppError } from '../errors';
import { getSettings } from '../settings/get-settings';
import { mayTriage, meldingScope, type TActing } from './melding-scope';
import { searchMeldingIds } from './search-melding-ids';

export const PAGE_SIZE = 25;
/** Counting a filter stops here: an exact count of tens of thousands of matches costs more than it tells. */
export const COUNT_CAP = 500;
const OPEN = ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'] as const;
const date = z.iso
  .date()
  .optional()
  .or(z.literal('').transform(() => undefined));

export const ZMeldingFilter = z.object({
  status: z
    .enum(['open', 'alle', 'ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD', 'AFGEROND'])
    .catch('open'),
  toegewezen: z.enum(['iedereen', 'mij', 'niemand']).catch('iedereen'),
  van: date.catch(undefined),
  tot: date.catch(undefined),
  badges: z.array(z.enum(BADGES)).catch([]),
  q: z
    .string()
    .trim()
    .max(100)
    .catch('')
    .transform((s) => s || undefined),
  sort: z.enum(['nieuwste', 'oudste', 'naam', 'prioriteit']).catch('nieuwste'),
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type TMeldingFilter = z.infer<typeof ZMeldingFilter>;

const BADGE_WHERE: Record<Exclude<TBadge, 'te_laat' | 'herinnering'>, Prisma.MeldingWhereInput> = {
  minderjarig: { minderjarig: true },
  telefonisch: { telefonischContactGewenst: true },
  veilig_thuis: { veiligThuisGemeld: true },
  eerder: { herhaling: true },
  waarschuwingen: { hasWarnings: true },
  niet_geverifieerd: { authenticityVerified: false },
  reactie: { reactieOntvangen: true, status: { not: 'AFGEROND' } },
  buiten_werkgebied: { buitenWerkgebied: true },
  heropend: { heropendDoorVersie: { not: null }, status: { not: 'AFGEROND' } },
};

function dutchDayStart(day: string): Date {
  // The period filter is in whole Dutch days; a day boundary an hour off either way is harmless
  // for a filter, so CET is used throughout rather than a zone lookup per request.
  return new Date(Date.parse(`${day}T00:00:00+01:00`));
}

type TClocks = { werkdagenBeoordeling: number; herinneringWerkdagen: number };

function badgeWhere(b: TBadge, clocks: TClocks, now: Date): Prisma.MeldingWhereInput {
  if (b === 'te_laat')
    return { firstAssessedAt: null, receivedAt: { lt: overdueCutoff(clocks.werkdagenBeoordeling, now) } };
  if (b === 'herinnering')
    return {
      status: 'AANVULLING_GEVRAAGD',
      reactieOntvangen: false,
      aanvullingGevraagdAt: { lt: overdueCutoff(clocks.herinneringWerkdagen, now) },
    };
  return BADGE_WHERE[b];
}

function filterWhere(
  f: TMeldingFilter,
  userId: string,
  now: Date,
  clocks: TClocks,
  searchIds: string[] | null,
): Prisma.MeldingWhereInput[] {
  const and: Prisma.MeldingWhereInput[] = [];
  if (f.status === 'open') and.push({ status: { in: [...OPEN] } });
  else if (f.status !== 'alle') and.push({ status: f.status });
  if (f.toegewezen === 'mij') and.push({ assigneeId: userId });
  if (f.toegewezen === 'niemand') and.push({ assigneeId: null });
  if (f.van) and.push({ receivedAt: { gte: dutchDayStart(f.van) } });
  if (f.tot) and.push({ receivedAt: { lt: new Date(dutchDayStart(f.tot).getTime() + 86_400_000) } });
  for (const b of f.badges) and.push(badgeWhere(b, clocks, now));
  if (searchIds) and.push({ id: { in: searchIds } });
  return and;
}

const ORDER: Record<TMeldingFilter['sort'], Prisma.MeldingOrderByWithRelationInput[]> = {
  nieuwste: [{ receivedAt: 'desc' }, { id: 'desc' }],
  oudste: [{ receivedAt: 'asc' }, { id: 'asc' }],
  naam: [{ achternaam: 'asc' }, { receivedAt: 'desc' }],
  // Highest priority first (the enum runs LAAG < NORMAAL < HOOG), not yet assessed last; oldest first within.
  prioriteit: [{ prioriteit: { sort: 'desc', nulls: 'last' } }, { receivedAt: 'asc' }, { id: 'asc' }],
};

/**
 * The inbox: one page of meldingen matching the filter, with their badges. Only medewerkers see
 * meldingen (also inside the `where`); a search is audited (without the search terms, which may
 * be a BSN or a name: the audit log holds no personal data beyond the person key).
 */
export async function listMeldingen(
  opts: TActing & { filter: Partial<z.input<typeof ZMeldingFilter>>; now?: Date },
) {
  const f = ZMeldingFilter.parse(opts.filter);
  if (!mayTriage(opts.user)) {
    await audit(opts.db, { actor: opts.actor, action: 'melding.lijst', outcome: 'DENIED' });
    throw new AppError('forbidden', 'U heeft geen toegang tot meldingen');
  }
  const now = opts.now ?? new Date();
  const clocks = await getSettings({ db: opts.db });
  const { werkdagenBeoordeling } = clocks;
  const searchIds = f.q ? await searchMeldingIds(opts.db, f.q) : null;
  const where: Prisma.MeldingWhereInput = {
    AND: [meldingScope(opts.user), ...filterWhere(f, opts.user.id, now, clocks, searchIds)],
  };
  const [rows, counted] = await Promise.all([
    opts.db.melding.findMany({
      where,
      orderBy: ORDER[f.sort],
      skip: (f.pagina - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kenmerk: true,
        receivedAt: true,
        firstAssessedAt: true,
        voornamen: true,
        voorvoegsel: true,
        achternaam: true,
        geboortedatum: true,
        plaats: true,
        voorvalPlaats: true,
        status: true,
        beoordeling: true,
        prioriteit: true,
        uitkomst: true,
        telefonischContactGewenst: true,
        veiligThuisGemeld: true,
        herhaling: true,
        hasWarnings: true,
        authenticityVerified: true,
        reactieOntvangen: true,
        buitenWerkgebied: true,
        minderjarig: true,
        aanvullingGevraagdAt: true,
        heropendDoorVersie: true,
        assignee: { select: { id: true, name: true, email: true } },
      },
    }),
    // A search is counted exactly (at most SEARCH_LIMIT ids); a filter up to COUNT_CAP.
    opts.db.melding.count({ where, take: f.q ? undefined : COUNT_CAP + 1 }),
  ]);
  const totalCapped = !f.q && counted > COUNT_CAP;
  const total = totalCapped ? COUNT_CAP : counted;
  if (f.q) {
    await audit(opts.db, {
      actor: opts.actor,
      action: 'melding.zoeken',
      details: { soort: /^\d{9}$/.test(f.q) ? 'bsn' : 'tekst', resultaten: total },
    });
  }
  return {
    filter: f,
    /** Matches, up to COUNT_CAP; `totalCapped` when there are more. */
    total,
    totalCapped,
    pageSize: PAGE_SIZE,
    rows: rows.map((m) => {
      const overdue = m.status !== 'AFGEROND' && isOverdue(m, werkdagenBeoordeling, now);
      const badges: TBadge[] = [];
      if (overdue) badges.push('te_laat');
      if (m.telefonischContactGewenst) badges.push('telefonisch');
      if (m.veiligThuisGemeld) badges.push('veilig_thuis');
      if (m.herhaling) badges.push('eerder');
      if (m.hasWarnings) badges.push('waarschuwingen');
      if (!m.authenticityVerified) badges.push('niet_geverifieerd');
      if (m.reactieOntvangen && m.status !== 'AFGEROND') badges.push('reactie');
      if (m.buitenWerkgebied) badges.push('buiten_werkgebied');
      if (m.minderjarig) badges.push('minderjarig');
      if (needsHerinnering(m, clocks.herinneringWerkdagen, now)) badges.push('herinnering');
      if (m.heropendDoorVersie !== null && m.status !== 'AFGEROND') badges.push('heropend');
      return {
        id: m.id,
        kenmerk: m.kenmerk,
        receivedAt: m.receivedAt,
        werkdagenGeleden: werkdagenTussen(m.receivedAt, now),
        naam: [m.voornamen, m.voorvoegsel, m.achternaam].filter(Boolean).join(' ') || null,
        geboortedatum: m.geboortedatum,
        plaats: m.plaats ?? m.voorvalPlaats,
        status: m.status,
        beoordeling: m.beoordeling,
        prioriteit: m.prioriteit,
        uitkomst: m.uitkomst,
        assignee: m.assignee ? (m.assignee.name ?? m.assignee.email) : null,
        assignedToMe: m.assignee?.id === opts.user.id,
        overdue,
        badges,
      };
    }),
  };
}
