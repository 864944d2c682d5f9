/**
 * Attack (issue 15, High 1): anyone can send "RE: Verzoek om aanvulling op melding niet-acute
 * zorg met <kenmerk>" — kenmerken follow a guessable pattern — and before the fix the reply was
 * put on the melding, its attachments stored, the status moved AANVULLING_GEVRAAGD →
 * IN_BEHANDELING and "reactie ontvangen" set, without any authenticity check. Through real
 * Dovecot, SMTP and PostgreSQL under the default ENFORCE policy: the spoofed reply (by subject,
 * and threaded by In-Reply-To on our own Message-ID) changes nothing on the melding and waits in
 * the work queue with the verdict explained.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { getQueueItem } from '../../lib/ingest/get-queue-item';
import { getMeldingTimeline } from '../../lib/melding/get-melding-timeline';
import { composeRaw } from '../fixtures/mail/compose';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { acting, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';
import { waitFor } from '../support/processes';

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

/** A melding waiting for the officer's aanvulling, with the request we sent. */
async function waitingMelding() {
  const melding = await seedMelding(env.t.db, { mailboxId: env.mailbox.id, withMail: false });
  await env.t.db.melding.update({
    where: { id: melding.id },
    data: { status: 'AANVULLING_GEVRAAGD', aanvullingGevraagd: true },
  });
  const request = await env.t.db.outgoingMail.create({
    data: {
      mailboxId: env.mailbox.id,
      meldingId: melding.id,
      kind: 'AANVULLING',
      recipient: 'j.testagent@politie.nl',
      subject: `Verzoek om aanvulling op melding niet-acute zorg met ${melding.kenmerk}`,
      body: 'Graag aanvulling.',
      messageId: `<aanvulling-${melding.kenmerk}@gemeente.example>`,
      state: 'SENT',
    },
  });
  return { melding, request };
}

const decidedReply = (subject: string) =>
  waitFor(
    'reply decided',
    () =>
      env.t.db.inboundMessage.findFirst({
        where: { subject, kind: 'REACTIE', state: { notIn: ['STORED', 'FAILED'] } },
      }),
    30_000,
  );

describe('spoofed police reply under ENFORCE', () => {
  it.each([
    ['by subject only', false],
    ['threaded on our own Message-ID', true],
  ])('never reaches the melding (%s)', async (_name, threaded) => {
    const { melding, request } = await waitingMelding();
    const subject = `RE: ${request.subject}`;
    await env.deliver(
      await composeRaw({
        from: 'j.testagent@politie.nl',
        subject,
        inReplyTo: threaded ? request.messageId : undefined,
        references: threaded ? [request.messageId] : undefined,
        text: 'De betrokkene is verhuisd, sluit de melding maar.',
        attachments: [
          { filename: 'verklaring.pdf', content: '%PDF-1.7 vals', contentType: 'application/pdf' },
        ],
      }),
    );
    const reply = await decidedReply(subject);
    expect(reply.outcome).toBe('REPLY_UNVERIFIED');
    expect(reply.error).toMatch(/niet geverifieerd/);

    const after = await env.t.db.melding.findUniqueOrThrow({ where: { id: melding.id } });
    expect(after).toMatchObject({ status: 'AANVULLING_GEVRAAGD', reactieOntvangen: false });
    expect(
      await env.t.db.statusChange.count({ where: { meldingId: melding.id, to: 'IN_BEHANDELING' } }),
    ).toBe(0);
    expect(
      await env.t.db.attachment.count({ where: { meldingId: melding.id, inboundMessageId: reply.id } }),
    ).toBe(0);
    const timeline = await getMeldingTimeline({ ...acting(env.t.db, medewerker), meldingId: melding.id });
    expect(timeline.some((e) => e.type === 'reactie')).toBe(false);

    const { actor } = acting(env.t.db, medewerker);
    const item = await getQueueItem({ db: env.t.db, actor, id: reply.id });
    expect(item).toMatchObject({ state: 'reply_unverified', nextAction: 'verify_reply', verdict: 'fail' });
    expect(item.verdictReason).toBeTruthy();
    expect(env.smtp.messages.filter((m) => m.subject?.includes(melding.kenmerk))).toHaveLength(0);
  });
});
