/**
 * The retention job on a database with meldingen of various ages, ingested for real through a
 * private Dovecot: exactly the expired ones go (with everything personal and their mail in the
 * mailbox), statistics stay equivalent, the dry run predicted it, and a failed expunge is
 * retried on the next run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { encryptSecret } from '../../lib/secrets/crypto';
import { closeParser } from '../../lib/form';
import { getKeyring } from '../../lib/secrets/keyring';
import { EXPUNGE_PENDING } from '../../lib/retention/retention';
import { planRetention } from '../../lib/retention/plan-retention';
import { runRetention } from '../../lib/retention/run-retention';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { composeRaw } from '../fixtures/mail/compose';
import { sampleFormulier, PEOPLE } from '../fixtures/generator/people';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { waitFor } from '../support/processes';
import { putBytes } from '../../lib/bytes/put-bytes';

let env: TIngestEnv;
const NOW = new Date();
const monthsAgo = (n: number, from = NOW) => new Date(from.getTime() - n * 30.5 * 24 * 3600_000);
const actor = SYSTEM_ACTOR('retention-test');

beforeAll(async () => {
  env = await startIngestEnv();
  env.startWorker();
});
afterAll(async () => {
  await env?.stop();
  await closeParser();
});

/** Delivers a melding and waits until it is recorded, signalled and moved. */
async function ingest(kenmerk: string, person = 0) {
  await env.deliver(
    await meldingMail({ kenmerk, formulier: sampleFormulier({ kenmerk, betrokkene: PEOPLE[person]! }) }),
  );
  return waitFor(
    `${kenmerk} ingested`,
    async () => {
      const m = await env.t.db.melding.findFirst({
        where: { kenmerk },
        include: { messages: { select: { movedTo: true } }, outgoing: { select: { state: true } } },
      });
      return m && m.messages.every((x) => x.movedTo) && m.outgoing.every((x) => x.state === 'SENT')
        ? m
        : null;
    },
    30_000,
  );
}

/** Closes a melding (as staff would) at a moment in the past, with notes and an assessment. */
async function closeAt(id: string, closedAt: Date, userId: string) {
  const receivedAt = new Date(closedAt.getTime() - 20 * 24 * 3600_000);
  await env.t.db.melding.update({
    where: { id },
    data: {
      receivedAt,
      firstAssessedAt: new Date(receivedAt.getTime() + 26 * 3600_000),
      closedAt,
      status: 'AFGEROND',
      uitkomst: 'TOEGELEID',
      aanvullingGevraagd: true,
    },
  });
  await env.t.db.note.create({
    data: { meldingId: id, authorId: userId, text: 'Gebeld met de wijkagent; zorg gestart.' },
  });
  await env.t.db.beoordeling.create({
    data: {
      meldingId: id,
      authorId: userId,
      uitkomst: 'NADER_ONDERZOEK',
      prioriteit: 'NORMAAL',
      reden: 'Zorgen over zelfverwaarlozing.',
    },
  });
  await env.t.db.statusChange.create({
    data: {
      meldingId: id,
      actorId: userId,
      from: 'IN_BEHANDELING',
      to: 'AFGEROND',
      uitkomst: 'TOEGELEID',
      reason: 'Toegeleid naar wijkteam',
    },
  });
}

/** The statistics view's rows, comparable across retention (live rows keep the werkdagen count, MeldingFeit rows the verdict). */
async function statsRows() {
  await refreshStatistieken({ db: env.t.db, now: NOW });
  const foutmeldingen = await env.t.db.$queryRawUnsafe<Record<string, unknown>[]>(
    'SELECT * FROM stats_foutmelding ORDER BY datum',
  );
  const rows = await env.t.db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM stats_melding');
  return {
    foutmeldingen,
    meldingen: rows
      .map(({ assessed_werkdagen, assessed_within, ...r }) => ({
        ...r,
        id: undefined,
        within: assessed_within ?? (assessed_werkdagen === null ? null : Number(assessed_werkdagen) <= 2),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

describe('retention job', () => {
  it('removes exactly the expired meldingen and loose mail, keeps statistics, expunges the mailbox copies', async () => {
    const user = await env.t.db.user.create({
      data: { email: 'medewerker@meldpunt.example', role: 'MEDEWERKER' },
    });
    const expired13 = await ingest('PL1300-2026100001', 0);
    const kept11 = await ingest('PL1300-2026100002', 1);
    const openOld = await ingest('PL1300-2026100003', 2);
    const expired24 = await ingest('PL1300-2026100004', 0);
    await closeAt(expired13.id, monthsAgo(13), user.id);
    await closeAt(kept11.id, monthsAgo(11), user.id);
    await closeAt(expired24.id, monthsAgo(24), user.id);
    await env.t.db.melding.update({ where: { id: openOld.id }, data: { receivedAt: monthsAgo(14) } });
    // A foutmelding (no form attached): its raw mail holds personal data too, and it is old.
    await env.deliver(
      await composeRaw({
        subject: 'melding niet-acute zorg met PL1300-2026100005',
        text: 'Zie bijlage (vergeten).',
      }),
    );
    const loose = await waitFor(
      'foutmelding recorded and moved',
      () =>
        env.t.db.inboundMessage.findFirst({
          where: { subject: { contains: 'PL1300-2026100005' }, movedTo: { not: null } },
        }),
      30_000,
    );
    await env.t.db.inboundMessage.update({ where: { id: loose.id }, data: { receivedAt: monthsAgo(14) } });
    expect(await env.folderUids(env.mailbox.processedFolder)).toHaveLength(4);
    expect(await env.folderUids(env.mailbox.errorFolder)).toHaveLength(1);

    const plan = await planRetention({ db: env.t.db, now: NOW });
    expect(plan.termMaanden).toBe(12);
    expect(plan.meldingen.map((m) => m.id)).toEqual([expired24.id, expired13.id]);
    expect(plan.losseBerichten).toBe(1);
    expect(plan.nietAfgesloten.map((m) => m.id)).toEqual([openOld.id]);
    const statsBefore = await statsRows();
    expect(statsBefore.foutmeldingen).toHaveLength(1);
    const expiredMessages = await env.t.db.inboundMessage.count({
      where: { meldingId: { in: [expired13.id, expired24.id] } },
    });

    // The bytes of the expired meldingen' mail and files, in the byte store until the run.
    const expiredIds = { in: [expired13.id, expired24.id] };
    const expiredHashes = [
      ...(await env.t.db.attachment.findMany({ where: { meldingId: expiredIds } })).map(
        (a) => a.contentHash!,
      ),
      ...(await env.t.db.inboundMessage.findMany({ where: { meldingId: expiredIds } })).map(
        (m) => m.rawHash!,
      ),
    ];
    expect(expiredHashes.length).toBeGreaterThanOrEqual(4);
    expect(await env.t.db.byteValue.count({ where: { sha256: { in: expiredHashes } } })).toBe(
      new Set(expiredHashes).size,
    );
    // Bytes a crash left in the store before a row named them: swept after a day, not before.
    const [old, fresh] = await putBytes({
      db: env.t.db,
      values: [Buffer.from('ruwe mail, oud'), Buffer.from('ruwe mail, vers')],
    });
    await env.t.db.byteValue.update({
      where: { sha256: old },
      data: { touchedAt: new Date(NOW.getTime() - 2 * 24 * 3600_000) },
    });
    await env.t.db.byteValue.update({
      where: { sha256: fresh },
      data: { touchedAt: new Date(NOW.getTime() - 3600_000) },
    });

    const result = await runRetention({ db: env.t.db, ring: getKeyring(), actor, now: NOW });
    expect(result).toEqual({
      meldingen: 2,
      losseBerichten: 1,
      uitMailbox: expiredMessages + 1,
      openstaandInMailbox: 0,
      // The signals sent for the removed meldingen: their Sent copies are looked for by Message-ID.
      kopieenUitMailbox: 3,
      kopieenOpenstaand: 0,
      nietAfgesloten: 1,
      achtergeblevenBytes: 1,
    });
    expect((await env.t.db.byteValue.findMany({ where: { refs: 0 } })).map((v) => v.sha256)).toEqual([fresh]);
    // Released by the trigger with the rows that named them, chunks and all.
    expect(await env.t.db.byteValue.count({ where: { sha256: { in: expiredHashes } } })).toBe(0);
    expect(await env.t.db.byteChunk.count({ where: { sha256: { in: expiredHashes } } })).toBe(0);

    // Exactly the planned ones went, with all that hung on them; the others are untouched.
    const left = await env.t.db.melding.findMany({ select: { id: true } });
    expect(left.map((m) => m.id).sort()).toEqual([kept11.id, openOld.id].sort());
    for (const table of [
      'attachment',
      'outgoingMail',
      'note',
      'beoordeling',
      'statusChange',
      'meldingVersie',
      'inboundMessage',
    ] as const) {
      const count = (env.t.db[table] as unknown as { count: (a: object) => Promise<number> }).count({
        where: { meldingId: { in: [expired13.id, expired24.id] } },
      });
      expect(await count, table).toBe(0);
    }
    expect(await env.t.db.note.count({ where: { meldingId: kept11.id } })).toBe(1);
    expect(
      await env.t.db.attachment.count({ where: { meldingId: kept11.id, contentHash: { not: null } } }),
    ).toBe(1);
    expect(await env.t.db.inboundMessage.count({ where: { id: loose.id } })).toBe(0);
    expect(await env.t.db.inboundMessage.count({ where: { error: EXPUNGE_PENDING } })).toBe(0);

    // Statistics: the same rows before and after (live rows became MeldingFeit rows).
    expect(await env.t.db.meldingFeit.count()).toBe(2);
    expect(await statsRows()).toEqual(statsBefore);
    const feiten = await env.t.db.meldingFeit.findMany({ orderBy: { receivedDate: 'asc' } });
    expect(feiten.map((f) => f.receivedDate.toISOString().slice(0, 10))).toEqual(
      [expired24, expired13].map((m) =>
        new Date(monthsAgo(m === expired24 ? 24 : 13).getTime() - 20 * 24 * 3600_000).toLocaleDateString(
          'sv-SE',
          { timeZone: 'Europe/Amsterdam' },
        ),
      ),
    );
    for (const f of feiten) {
      expect(f).toMatchObject({
        gemeente: expired13.gemeente,
        pc4: expired13.pc4,
        eenheid: 'Eenheid Rotterdam',
        basisteam: 'basisteam Maasboulevard',
        status: 'AFGEROND',
        uitkomst: 'TOEGELEID',
      });
      expect(f).toMatchObject({
        closedSeconds: 20 * 24 * 3600,
        firstAssessmentSeconds: 26 * 3600,
        assessedWithinWerkdagen: true,
        aanvullingGevraagd: true,
        telefonischContactGewenst: true,
      });
      expect(f.signalSeconds).toBeGreaterThan(0);
    }

    // The mailbox: the expired originals are gone from every folder, the kept ones stay.
    expect(await env.folderUids(env.mailbox.processedFolder)).toHaveLength(2);
    expect(await env.folderUids(env.mailbox.errorFolder)).toHaveLength(0);

    // A tombstone per melding, with counts only: nothing a person could be recognised by.
    const tombstones = await env.t.db.auditEvent.findMany({
      where: { action: 'melding.verwijderd_bewaartermijn' },
    });
    expect(tombstones.map((t) => t.objectId).sort()).toEqual([expired13.id, expired24.id].sort());
    for (const t of tombstones) {
      expect(Object.values(t.details as object).every((v) => typeof v === 'number')).toBe(true);
      expect(JSON.stringify({ ...t, id: String(t.id) })).not.toMatch(/Proefstra|PL1300-20261000|111222333/);
    }
    expect(await env.t.db.auditEvent.count({ where: { action: 'bewaartermijn.uitgevoerd' } })).toBe(1);

    // The worker does not ingest the removed mail again: a melding delivered after the run is
    // ingested (the mailbox was read since), and it is the only new one.
    const sentinel = await ingest('PL1300-2026100099', 1);
    expect((await env.t.db.melding.findMany({ select: { id: true } })).map((m) => m.id).sort()).toEqual(
      [kept11.id, openOld.id, sentinel.id].sort(),
    );
  });

  it('keeps an expunge that failed pending, and finishes it on the next run', async () => {
    const m = await ingest('PL1300-2026100006', 1);
    const processedBefore = (await env.folderUids(env.mailbox.processedFolder)).length;
    await env.t.db.melding.update({
      where: { id: m.id },
      data: {
        status: 'AFGEROND',
        uitkomst: 'GEEN_VERVOLG',
        receivedAt: monthsAgo(15),
        closedAt: monthsAgo(14),
      },
    });
    const good = env.mailbox.secretEnc;
    await env.t.db.mailbox.update({
      where: { id: env.mailbox.id },
      data: { secretEnc: encryptSecret('fout-wachtwoord', getKeyring()) },
    });
    const first = await runRetention({ db: env.t.db, ring: getKeyring(), actor, now: NOW });
    expect(first).toMatchObject({ meldingen: 1, uitMailbox: 0, openstaandInMailbox: 1 });
    expect(await env.t.db.melding.count({ where: { id: m.id } })).toBe(0);
    const pending = await env.t.db.inboundMessage.findFirstOrThrow({ where: { error: EXPUNGE_PENDING } });
    expect(pending).toMatchObject({
      rawHash: null,
      readable: null,
      subject: null,
      fromAddress: null,
      meldingId: null,
    });
    expect((await planRetention({ db: env.t.db, now: NOW })).openstaandInMailbox).toBe(1);

    await env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { secretEnc: good } });
    const second = await runRetention({ db: env.t.db, ring: getKeyring(), actor, now: NOW });
    expect(second).toMatchObject({ meldingen: 0, uitMailbox: 1, openstaandInMailbox: 0 });
    expect(await env.folderUids(env.mailbox.processedFolder)).toHaveLength(processedBefore - 1);
  });
});
