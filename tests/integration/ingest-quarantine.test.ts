/**
 * Quarantine under an enforcing policy, through real Dovecot, SMTP and PostgreSQL: a melding that
 * fails the authenticity check is in the work queue (never silent), a person releases it — then
 * the worker makes the melding and the police get their acceptatiesignaal — or rejects it (no
 * signal). A message moved back into the inbox after the policy changed is decided afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { countOpenQueueItems } from '../../lib/ingest/count-open-queue-items';
import { listWorkQueue } from '../../lib/ingest/list-work-queue';
import { rejectQuarantined } from '../../lib/ingest/reject-quarantined';
import { releaseQuarantined } from '../../lib/ingest/release-quarantined';
import { startIngestEnv, MAILBOX_USER, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { acting, seedUser, type TSeedUser } from '../support/melding-seed';
import { waitFor } from '../support/processes';
import { randomKenmerk } from '../support/random';

let env: TIngestEnv;
let medewerker: TSeedUser;

beforeAll(async () => {
  env = await startIngestEnv({ policy: 'ENFORCE' });
  env.startWorker();
  medewerker = await seedUser(env.t.db, 'MEDEWERKER');
});
afterAll(async () => {
  await env.stop();
  await closeParser();
});

const kenmerk = randomKenmerk;
const signalsFor = (k: string) => env.smtp.messages.filter((m) => m.subject?.includes(k));
const quarantined = (k: string) =>
  waitFor(
    `quarantined ${k}`,
    () =>
      env.t.db.inboundMessage.findFirst({
        where: { subject: { contains: k }, outcome: 'QUARANTINED', movedTo: env.mailbox.quarantineFolder },
      }),
    30_000,
  );

describe('quarantine under ENFORCE', () => {
  it('shows an unverified melding in the work queue; released, it becomes a melding with its acceptatiesignaal', async () => {
    const k = kenmerk();
    await env.deliver(await meldingMail({ kenmerk: k }));
    const row = await quarantined(k);
    expect(signalsFor(k)).toHaveLength(0);
    const { items: queue } = await listWorkQueue({ db: env.t.db, role: 'MEDEWERKER', show: 'open' });
    expect(queue.find((q) => q.id === row.id)).toMatchObject({
      state: 'quarantined',
      nextAction: 'release_or_reject',
      verified: false,
    });
    expect(await countOpenQueueItems({ db: env.t.db, role: 'BEHEERDER' })).toBeGreaterThanOrEqual(1);

    const { actor } = acting(env.t.db, medewerker);
    await releaseQuarantined({ db: env.t.db, actor, id: row.id, reason: 'Gebeld met de politie: echt' });
    const [signal] = await waitFor(
      'acceptatiesignaal',
      () => signalsFor(k).length > 0 && signalsFor(k),
      30_000,
    );
    expect(signal!.subject).toBe(`Acceptatiesignaal: melding niet-acute zorg met ${k}`);
    const done = await env.t.db.inboundMessage.findUniqueOrThrow({
      where: { id: row.id },
      include: { melding: true },
    });
    expect(done).toMatchObject({
      outcome: 'MELDING_ACCEPTED',
      releasedBy: medewerker.name,
      resolution: 'RELEASED',
    });
    expect(done.melding).toMatchObject({ kenmerk: k, status: 'ONTVANGEN' });
    expect(
      await env.t.db.auditEvent.count({
        where: { action: 'bericht.vrijgegeven', objectId: row.id, actorId: medewerker.id },
      }),
    ).toBe(1);
    expect(
      (await listWorkQueue({ db: env.t.db, role: 'MEDEWERKER', show: 'open' })).items.some(
        (q) => q.id === row.id,
      ),
    ).toBe(false);
  });

  it('rejects a quarantined melding without any signal, and refuses a second decision', async () => {
    const k = kenmerk();
    await env.deliver(await meldingMail({ kenmerk: k }));
    const row = await quarantined(k);
    const { actor } = acting(env.t.db, medewerker);
    await rejectQuarantined({ db: env.t.db, actor, id: row.id, reason: 'Niet van de politie' });
    const after = await env.t.db.inboundMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ outcome: 'REJECTED', resolution: 'REJECTED', meldingId: null });
    await expect(releaseQuarantined({ db: env.t.db, actor, id: row.id, reason: 'toch wel' })).rejects.toThrow(
      /niet \(meer\) in quarantaine/,
    );
    // A later melding is answered; this one never was.
    const next = kenmerk();
    await env.deliver(await meldingMail({ kenmerk: next }));
    await quarantined(next);
    expect(signalsFor(k)).toHaveLength(0);
    expect(await env.t.db.outgoingMail.count({ where: { inboundMessageId: row.id } })).toBe(0);
  });

  it('decides a quarantined message afresh when moved back to the inbox after the policy changed', async () => {
    const k = kenmerk();
    await env.deliver(await meldingMail({ kenmerk: k }));
    const row = await quarantined(k);
    await env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { authenticityPolicy: 'MONITOR' } });
    try {
      const client = await env.dovecot.connect(MAILBOX_USER.user);
      try {
        const lock = await client.getMailboxLock(env.mailbox.quarantineFolder);
        try {
          const uids = (await client.search({ subject: k }, { uid: true })) || [];
          expect(uids).toHaveLength(1);
          await client.messageMove(uids.join(','), 'INBOX', { uid: true });
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
      const [signal] = await waitFor(
        'acceptatiesignaal',
        () => signalsFor(k).length > 0 && signalsFor(k),
        // A busy CI machine may miss the IDLE notice; the reconcile pass then finds the message.
        90_000,
      );
      expect(signal!.subject).toMatch(/^Acceptatiesignaal/);
      const again = await env.t.db.inboundMessage.findFirstOrThrow({
        where: { subject: { contains: k }, NOT: { id: row.id } },
      });
      expect(again).toMatchObject({ outcome: 'MELDING_ACCEPTED', duplicateOfId: row.id });
    } finally {
      await env.t.db.mailbox.update({
        where: { id: env.mailbox.id },
        data: { authenticityPolicy: 'ENFORCE' },
      });
    }
  }, 150_000);
});
