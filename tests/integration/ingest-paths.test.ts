/**
 * Every path off the happy one, through real Dovecot, SMTP and PostgreSQL (mailbox policy
 * MONITOR): each with its signal (or none), its state in `cli inbound list`, and where staff see
 * it (inbox, melding timeline, work queue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { getMeldingTimeline } from '../../lib/melding/get-melding-timeline';
import { listWorkQueue } from '../../lib/ingest/list-work-queue';
import { composeRaw } from '../fixtures/mail/compose';
import { sampleFormulier } from '../fixtures/generator/people';
import { runCli } from '../support/cli';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { acting, seedUser, type TSeedUser } from '../support/melding-seed';
import { waitFor } from '../support/processes';
import { randomKenmerk } from '../support/random';

let env: TIngestEnv;
let medewerker: TSeedUser;

beforeAll(async () => {
  env = await startIngestEnv();
  env.startWorker();
  medewerker = await seedUser(env.t.db, 'MEDEWERKER');
});
afterAll(async () => {
  await env.stop();
  await closeParser();
});

const kenmerk = randomKenmerk;
const signalsFor = (k: string) => env.smtp.messages.filter((m) => m.subject?.includes(k));
const waitSignals = (k: string, n = 1) =>
  waitFor(`${n} signal(s) for ${k}`, () => signalsFor(k).length >= n && signalsFor(k), 30_000);
/** The ledger rows whose subject names `k`, once all `n` of them are decided. */
const decided = (k: string, n = 1) =>
  waitFor(
    `${n} decided message(s) for ${k}`,
    async () => {
      const rows = await env.t.db.inboundMessage.findMany({
        where: { subject: { contains: k }, outcome: { not: null }, state: { notIn: ['STORED', 'FAILED'] } },
        orderBy: { storedAt: 'asc' },
      });
      return rows.length >= n && rows;
    },
    30_000,
  );

type TListed = {
  id: string;
  state: string;
  nextAction: string;
  kenmerk: string | null;
  meldingId: string | null;
};
function inboundList(...args: string[]): TListed[] {
  const out = runCli(env.t.url, ['inbound', 'list', ...args]);
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  return out.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TListed);
}

/** Ledger ids per path, checked against `inbound list` at the end. */
const expected = new Map<string, { state: string; nextAction: string }>();

describe('off the happy path, each visible with a next action', () => {
  it('accepts an incomplete form (no reden) with its warning and a prompt to ask for aanvulling', async () => {
    const k = kenmerk();
    await env.deliver(
      await meldingMail({ kenmerk: k, formulier: sampleFormulier({ kenmerk: k, redenAanmelding: null }) }),
    );
    const [signal] = await waitSignals(k);
    expect(signal!.subject).toBe(`Acceptatiesignaal: melding niet-acute zorg met ${k}`);
    const [row] = await decided(k);
    expect(row!.outcome).toBe('MELDING_ACCEPTED_WARNINGS');
    const melding = await env.t.db.melding.findUniqueOrThrow({ where: { id: row!.meldingId! } });
    expect(melding.hasWarnings).toBe(true);
    expect(JSON.stringify(melding.warnings)).toMatch(/reden aanmelding/i);
    expected.set(row!.id, { state: 'melding_accepted_warnings', nextAction: 'request_aanvulling' });
  });

  it('accepts a form without the officer’s e-mail address (aanvulling by phone), never a foutmelding', async () => {
    const k = kenmerk();
    const formulier = sampleFormulier({ kenmerk: k });
    await env.deliver(
      await meldingMail({
        kenmerk: k,
        formulier: { ...formulier, behandelaar: { ...formulier.behandelaar, email: null } },
      }),
    );
    const [signal] = await waitSignals(k);
    expect(signal!.subject).toMatch(/^Acceptatiesignaal/);
    const [row] = await decided(k);
    expect(row!.outcome).toBe('MELDING_ACCEPTED_WARNINGS');
  });

  it('sends the acceptatiesignaal again for an exact resend, on the melding’s timeline', async () => {
    const k = kenmerk();
    const raw = await meldingMail({ kenmerk: k });
    await env.deliver(raw);
    await waitSignals(k, 1);
    await decided(k, 1);
    await env.deliver(raw);
    const signals = await waitSignals(k, 2);
    expect(signals.map((s) => s.subject)).toEqual([
      `Acceptatiesignaal: melding niet-acute zorg met ${k}`,
      `Acceptatiesignaal: melding niet-acute zorg met ${k}`,
    ]);
    const [first, resend] = await decided(k, 2);
    expect(resend).toMatchObject({
      outcome: 'RESEND_ACCEPTED',
      meldingId: first!.meldingId,
      duplicateOfId: first!.id,
    });
    expect(await env.t.db.melding.count({ where: { kenmerk: k } })).toBe(1);
    const timeline = await getMeldingTimeline({
      ...acting(env.t.db, medewerker),
      meldingId: first!.meldingId!,
    });
    expect(timeline.filter((e) => e.type === 'herontvangen')).toHaveLength(1);
    expect(timeline.filter((e) => e.type === 'uitgaand' && e.kind === 'ACCEPTATIESIGNAAL')).toHaveLength(2);
    expected.set(resend!.id, { state: 'resend_accepted', nextAction: 'none' });
  });

  it('sends the foutmelding again for an exact resend of a refused melding', async () => {
    const k = kenmerk();
    const raw = await composeRaw({ subject: `melding niet-acute zorg met ${k}` });
    await env.deliver(raw);
    await waitSignals(k, 1);
    await decided(k, 1);
    await env.deliver(raw);
    const signals = await waitSignals(k, 2);
    expect(signals.every((s) => s.subject === `Foutmelding: melding niet-acute zorg met ${k}`)).toBe(true);
    expect(signals[1]!.text).toMatch(/geen meldformulier bijgevoegd/);
    const [first, resend] = await decided(k, 2);
    expect(first!.outcome).toBe('FOUTMELDING_SENT');
    expect(resend!.outcome).toBe('RESEND_REFUSED');
    const { items: queue } = await listWorkQueue({ db: env.t.db, role: 'MEDEWERKER', show: 'open' });
    expect(queue.map((q) => q.id)).toEqual(expect.arrayContaining([first!.id, resend!.id]));
    expected.set(first!.id, { state: 'foutmelding_sent', nextAction: 'check_foutmelding' });
    expected.set(resend!.id, { state: 'resend_refused', nextAction: 'check_foutmelding' });
  });

  it('puts an out-of-office reply to our aanvulling on that melding’s timeline, without answering it', async () => {
    const k = kenmerk();
    await env.deliver(await meldingMail({ kenmerk: k }));
    await waitSignals(k);
    const [row] = await decided(k);
    const ours = await env.t.db.outgoingMail.create({
      data: {
        mailboxId: env.mailbox.id,
        meldingId: row!.meldingId,
        kind: 'AANVULLING',
        recipient: 'j.testagent@politie.nl',
        subject: `Verzoek om aanvulling op melding niet-acute zorg met ${k}`,
        body: 'Graag aanvulling.',
        messageId: `<aanvulling-${k}@gemeente.example>`,
        state: 'SENT',
      },
    });
    const before = env.smtp.messages.length;
    await env.deliver(
      await composeRaw({
        from: 'j.testagent@politie.nl',
        subject: `Automatisch antwoord: ${ours.subject}`,
        inReplyTo: ours.messageId,
        references: [ours.messageId],
        headers: { 'Auto-Submitted': 'auto-replied' },
        text: 'Ik ben afwezig tot maandag.',
      }),
    );
    const rows = await decided(k, 2);
    const auto = rows.find((r) => r.kind === 'AUTOMATISCH')!;
    expect(auto).toMatchObject({ outcome: 'AUTO_REPLY_LINKED', meldingId: row!.meldingId });
    const timeline = await getMeldingTimeline({
      ...acting(env.t.db, medewerker),
      meldingId: row!.meldingId!,
    });
    expect(timeline.some((e) => e.type === 'automatisch' && !e.bounce)).toBe(true);
    expect(env.smtp.messages.length).toBe(before);
    expected.set(auto.id, { state: 'auto_reply_linked', nextAction: 'contact_officer' });
  });

  it('sends a reply to a closed melding to the work queue: nothing on the melding changes', async () => {
    const k = kenmerk();
    await env.deliver(await meldingMail({ kenmerk: k }));
    await waitSignals(k);
    const [row] = await decided(k);
    await env.t.db.melding.update({
      where: { id: row!.meldingId! },
      data: { status: 'AFGEROND', uitkomst: 'GEEN_VERVOLG', closedAt: new Date() },
    });
    await env.deliver(
      await composeRaw({
        from: 'j.testagent@politie.nl',
        subject: `RE: Verzoek om aanvulling op melding niet-acute zorg met ${k}`,
        text: 'Nog een aanvulling.',
        attachments: [{ filename: 'extra.txt', content: 'Extra' }],
      }),
    );
    const rows = await decided(k, 2);
    const reply = rows.find((r) => r.kind === 'REACTIE')!;
    expect(reply.outcome).toBe('REPLY_CLOSED');
    const melding = await env.t.db.melding.findUniqueOrThrow({ where: { id: row!.meldingId! } });
    expect(melding).toMatchObject({ status: 'AFGEROND', reactieOntvangen: false });
    expect(await env.t.db.attachment.count({ where: { inboundMessageId: reply.id } })).toBe(0);
    const timeline = await getMeldingTimeline({
      ...acting(env.t.db, medewerker),
      meldingId: row!.meldingId!,
    });
    expect(timeline.some((e) => e.type === 'reactie')).toBe(false);
    expected.set(reply.id, { state: 'reply_closed', nextAction: 'review_reply' });
  });

  it('accepts a forwarded melding, and records other mail for a person without answering it', async () => {
    const k = kenmerk();
    await env.deliver(
      await meldingMail({
        kenmerk: k,
        subject: `FW: melding niet-acute zorg met ${k}`,
        from: 'collega@gemeente.example',
      }),
    );
    await waitSignals(k);
    const [forward] = await decided(k);
    expect(forward).toMatchObject({ outcome: 'MELDING_ACCEPTED', kind: 'DOORGESTUURD' });
    expected.set(forward!.id, { state: 'melding_accepted', nextAction: 'triage_melding' });

    const before = env.smtp.messages.length;
    const marker = `Vraag over ${k}`;
    await env.deliver(await composeRaw({ from: 'buurman@elders.example', subject: marker }));
    const [, other] = await decided(k, 2);
    expect(other!.outcome).toBe('OTHER');
    const { items: queue } = await listWorkQueue({ db: env.t.db, role: 'BEHEERDER', show: 'open' });
    expect(queue.find((q) => q.id === other!.id)).toMatchObject({
      state: 'other',
      nextAction: 'review_mail',
    });
    expect(env.smtp.messages.length).toBe(before);
    expected.set(other!.id, { state: 'other', nextAction: 'review_mail' });
  });

  it('lists every message in `cli inbound list`, with the stable state and next-action codes', async () => {
    const listed = inboundList();
    const total = await env.t.db.inboundMessage.count();
    expect(listed).toHaveLength(total);
    for (const [id, codes] of expected) expect(listed.find((l) => l.id === id)).toMatchObject(codes);
    for (const item of listed) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'id',
          'kenmerk',
          'mailbox',
          'meldingId',
          'messageId',
          'nextAction',
          'reason',
          'receivedAt',
          'state',
          'subject',
        ].sort(),
      );
      expect(item.state).not.toBe('pending');
    }
    const refused = inboundList('--state', 'foutmelding_sent,resend_refused');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((l) => l.state === 'foutmelding_sent' || l.state === 'resend_refused')).toBe(true);
    expect(inboundList('--since', new Date(Date.now() + 60_000).toISOString())).toEqual([]);
    const wrong = runCli(env.t.url, ['inbound', 'list', '--state', 'kwijt']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/Onbekende status: kwijt/);
  });
});
