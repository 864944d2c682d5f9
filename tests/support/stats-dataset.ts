/**
 * The hand-built statistics data set (fictitious): twelve meldingen received in April 2026 in
 * Dutch time (ten live, two MeldingFeit), one just outside it, eight in April 2025 and
 * foutmeldingen. tests/integration/stats-figures.test.ts lists the figures it must give.
 */
import type { TDb } from '../../lib/db/client';
import type { GemeenteBron, MeldingKanaal, MeldingStatus, Uitkomst } from '../../lib/db/generated/enums';

const H = 3_600_000;
const D = 24 * H;

type TLive = {
  at: string;
  gemeente: string;
  gemeenteBron?: GemeenteBron;
  pc4: number;
  soorten?: string[];
  kanaal?: MeldingKanaal;
  basisteam: string;
  status: MeldingStatus;
  uitkomst?: Uitkomst;
  loket?: string;
  assessedAfterMs?: number;
  closedAfterMs?: number;
  signalAfterS: number;
  flags?: Partial<
    Record<
      | 'telefonischContactGewenst'
      | 'veiligThuisGemeld'
      | 'bestaandeHulpverlening'
      | 'aanvullingGevraagd'
      | 'herhaling',
      boolean
    >
  >;
  geinformeerd?: boolean | null;
};

// Rotterdam derived from the postcode, with two soorten; the others keep the form's plaats, no soort.
const R = {
  gemeente: 'Rotterdam',
  gemeenteBron: 'POSTCODE' as const,
  pc4: 3011,
  basisteam: 'Maasboulevard',
  soorten: ['VERWARD_GEDRAG', 'EENZAAMHEID'],
};
// Registered by hand after a phone call.
const telefoon = { kanaal: 'TELEFOON' as const };
const tel = { telefonischContactGewenst: true };
const telHulp = { telefonischContactGewenst: true, bestaandeHulpverlening: true };

export const LIVE: TLive[] = [
  // Thursday 2 April → Tuesday 7 April: Goede Vrijdag counts, Easter Monday not: 2 werkdagen, in time.
  {
    ...R,
    at: '2026-04-02T08:00:00Z',
    status: 'AFGEROND',
    uitkomst: 'TOEGELEID',
    assessedAfterMs: 5 * D - H,
    closedAfterMs: 10 * D,
    signalAfterS: 60,
    flags: telHulp,
    geinformeerd: true,
  },
  // Friday 24 April 16:00 → Tuesday 28 April: Koningsdag (Monday 27) is no werkdag: 1.
  {
    ...R,
    at: '2026-04-24T14:00:00Z',
    status: 'AFGEROND',
    uitkomst: 'TOEGELEID',
    assessedAfterMs: 90 * H,
    closedAfterMs: 5 * D,
    signalAfterS: 120,
    flags: telHulp,
    geinformeerd: true,
  },
  // Thursday 9 April → Tuesday 14 April: 3 werkdagen, too late with the default 2.
  {
    ...R,
    at: '2026-04-09T07:00:00Z',
    status: 'AFGEROND',
    uitkomst: 'NIET_IN_BEHANDELING',
    loket: 'Veilig Thuis',
    assessedAfterMs: 5 * D,
    closedAfterMs: 6 * D,
    signalAfterS: 180,
    flags: { ...telHulp, veiligThuisGemeld: true },
    geinformeerd: true,
  },
  {
    ...R,
    at: '2026-04-10T08:00:00Z',
    status: 'AFGEROND',
    uitkomst: 'NIET_IN_BEHANDELING',
    loket: 'Wijkteam',
    assessedAfterMs: 4 * H,
    closedAfterMs: 1 * D,
    signalAfterS: 240,
    flags: telHulp,
    geinformeerd: true,
  },
  {
    ...R,
    at: '2026-04-13T08:00:00Z',
    status: 'IN_BEHANDELING',
    assessedAfterMs: 1 * H,
    signalAfterS: 300,
    flags: { ...telHulp, aanvullingGevraagd: true },
    geinformeerd: true,
  },
  {
    ...telefoon,
    gemeente: 'Rotterdam',
    pc4: 3011,
    basisteam: 'Delfshaven',
    at: '2026-04-14T08:00:00Z',
    status: 'IN_BEHANDELING',
    assessedAfterMs: 1 * D,
    signalAfterS: 360,
    flags: { ...tel, aanvullingGevraagd: true },
    geinformeerd: null,
  },
  // Wednesday 15 April → Monday 20 April: 3 werkdagen.
  {
    ...telefoon,
    gemeente: 'Rotterdam',
    pc4: 3021,
    basisteam: 'Delfshaven',
    at: '2026-04-15T08:00:00Z',
    status: 'IN_BEHANDELING',
    assessedAfterMs: 5 * D,
    signalAfterS: 420,
    flags: { herhaling: true },
  },
  {
    ...telefoon,
    gemeente: 'Schiedam',
    pc4: 3111,
    basisteam: 'Schiedam',
    at: '2026-04-20T08:00:00Z',
    status: 'IN_BEHANDELING',
    assessedAfterMs: 2 * H,
    signalAfterS: 480,
  },
  // 31 March 22:30 UTC is 1 April 00:30 in Amsterdam: inside April.
  {
    ...telefoon,
    gemeente: 'Schiedam',
    pc4: 3111,
    basisteam: 'Schiedam',
    at: '2026-03-31T22:30:00Z',
    status: 'ONTVANGEN',
    signalAfterS: 540,
  },
  {
    ...telefoon,
    gemeente: 'Schiedam',
    pc4: 3111,
    basisteam: 'Schiedam',
    at: '2026-04-21T08:00:00Z',
    status: 'ONTVANGEN',
    signalAfterS: 600,
  },
  // 30 April 22:30 UTC is already 1 May in Amsterdam: outside April.
  { ...R, at: '2026-04-30T22:30:00Z', status: 'ONTVANGEN', signalAfterS: 30 },
];

const feit = {
  gemeente: 'Rotterdam',
  gemeenteBron: 'POSTCODE' as const,
  soorten: ['VERWARD_GEDRAG'],
  pc4: 3011,
  eenheid: 'Eenheid Rotterdam',
  basisteam: 'Maasboulevard',
  status: 'AFGEROND' as const,
  veiligThuisGemeld: false,
  betrokkeneGeinformeerd: false,
  aanvullingGevraagd: false,
  herhaling: false,
};

export async function seedStatsDataset(db: TDb): Promise<void> {
  const mailbox = await db.mailbox.create({
    data: {
      name: 'stats',
      imapHost: '127.0.0.1',
      smtpHost: '127.0.0.1',
      username: 'meldpunt',
      secretEnc: 'n/a',
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: 'signalen@politie-keten.example',
    },
  });
  let n = 0;
  const mail = (kind: 'ACCEPTATIESIGNAAL' | 'FOUTMELDING', meldingId: string | null, sentAt: Date | null) => {
    n += 1;
    return {
      mailboxId: mailbox.id,
      meldingId,
      kind,
      recipient: 'signalen@politie-keten.example',
      subject: 's',
      body: 'b',
      messageId: `<stats-${n}@meldpost.example>`,
      state: sentAt ? ('SENT' as const) : ('QUEUED' as const),
      sentAt,
    };
  };
  for (const [i, m] of LIVE.entries()) {
    const receivedAt = new Date(m.at);
    const melding = await db.melding.create({
      data: {
        mailboxId: mailbox.id,
        kenmerk: `PL1300-2026${String(100 + i)}`,
        achternaam: 'Fictief',
        receivedAt,
        gemeente: m.gemeente,
        gemeenteBron: m.gemeenteBron,
        soorten: m.soorten,
        kanaal: m.kanaal,
        pc4: m.pc4,
        eenheid: 'Eenheid Rotterdam',
        basisteam: m.basisteam,
        status: m.status,
        uitkomst: m.uitkomst ?? null,
        loketAdvies: m.loket ?? null,
        firstAssessedAt:
          m.assessedAfterMs === undefined ? null : new Date(receivedAt.getTime() + m.assessedAfterMs),
        closedAt: m.closedAfterMs === undefined ? null : new Date(receivedAt.getTime() + m.closedAfterMs),
        betrokkeneGeinformeerd: m.geinformeerd === undefined ? false : m.geinformeerd,
        ...m.flags,
      },
    });
    await db.outgoingMail.create({
      data: mail('ACCEPTATIESIGNAAL', melding.id, new Date(receivedAt.getTime() + m.signalAfterS * 1000)),
    });
  }
  // A second acceptatiesignaal (the form received again) and an unsent one: the first sent counts.
  const first = await db.melding.findFirstOrThrow({ where: { kenmerk: 'PL1300-2026100' } });
  await db.outgoingMail.create({
    data: mail('ACCEPTATIESIGNAAL', first.id, new Date(first.receivedAt.getTime() + 3 * H)),
  });
  await db.outgoingMail.create({ data: mail('ACCEPTATIESIGNAAL', first.id, null) });

  await db.meldingFeit.createMany({
    data: [
      {
        ...feit,
        receivedDate: new Date('2026-04-22'),
        uitkomst: 'TOEGELEID',
        signalSeconds: 660,
        firstAssessmentSeconds: 1800,
        closedSeconds: 2 * 86400,
        assessedWithinWerkdagen: true,
        telefonischContactGewenst: false,
        bestaandeHulpverlening: true,
      },
      {
        ...feit,
        receivedDate: new Date('2026-04-23'),
        uitkomst: 'NIET_IN_BEHANDELING',
        loketAdvies: 'Veilig Thuis',
        signalSeconds: 720,
        firstAssessmentSeconds: 6 * 86400,
        closedSeconds: 14 * 86400,
        assessedWithinWerkdagen: false,
        telefonischContactGewenst: false,
        bestaandeHulpverlening: false,
        veiligThuisGemeld: true,
      },
    ],
  });

  // Last year: two in ISO week 15 and six in week 17 of 2025.
  for (const [i, at] of [
    '2025-04-08T09:00:00Z',
    '2025-04-08T10:00:00Z',
    ...Array.from({ length: 6 }, (_, k) => `2025-04-22T0${k}:00:00Z`),
  ].entries()) {
    await db.melding.create({
      data: {
        mailboxId: mailbox.id,
        kenmerk: `PL1300-2025${String(100 + i)}`,
        receivedAt: new Date(at),
        gemeente: 'Rotterdam',
        pc4: 3011,
        eenheid: 'Eenheid Rotterdam',
        basisteam: 'Maasboulevard',
      },
    });
  }

  // Foutmeldingen: five sent in April, one still queued, one sent in March.
  const fout = [
    '2026-04-03T10:00:00Z',
    '2026-04-07T10:00:00Z',
    '2026-04-14T10:00:00Z',
    '2026-04-20T10:00:00Z',
    '2026-04-30T21:00:00Z',
  ].map((at) => mail('FOUTMELDING', null, new Date(at)));
  await db.outgoingMail.createMany({
    data: [
      ...fout,
      mail('FOUTMELDING', null, null),
      mail('FOUTMELDING', null, new Date('2026-03-15T10:00:00Z')),
    ],
  });
}
