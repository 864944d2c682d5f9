/**
 * The work queue's actions through real Dovecot, SMTP and PostgreSQL (policy MONITOR): register
 * a refused melding or other mail from its attached form, link an unlinked reply to a melding,
 * reprocess, mark handled — each audited with its reason, each changing what `inbound list` and
 * the open count say. Roles: a coordinator may do none of it, a beheerder no melding work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { countOpenQueueItems } from '../../lib/ingest/count-open-queue-items';
import { linkInboundToMelding } from '../../lib/ingest/link-inbound-to-melding';
import { markInboundHandled } from '../../lib/ingest/mark-inbound-handled';
import { registerInboundMelding } from '../../lib/ingest/register-inbound-melding';
import { reprocessInbound } from '../../lib/ingest/reprocess-inbound';
import { getMeldingTimeline } from '../../lib/melding/get-melding-timeline';
import { composeRaw } from '../fixtures/mail/compose';
import { corruptPdf } from '../fixtures/generator/hostile';
import { renderPdf } from '../fixtures/generator/pdf';
import { sampleFormulier } from '../fixtures/generator/people';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { acting, seedUser, type TSeedUser } from '../support/melding-seed';
import { waitFor } from '../support/processes';
import { randomKenmerk } from '../support/random';

let env: TIngestEnv;
let medewerker: TSeedUser;
let beheerder: TSeedUser;
let coordinator: TSeedUser;

beforeAll(async () => {
  env = await startIngestEnv();
  env.startWorker();
  medewerker = await seedUser(env.t.db, 'MEDEWERKER');
  beheerder = await seedUser(env.t.db, 'BEHEERDER');
  coordinator = await seedUser(env.t.db, 'COORDINATOR');
});
afterAll(async () => {
  await env.stop();
  await closeParser();
});

const kenmerk = randomKenmerk;
const signalsFor = (k: string) => env.smtp.messages.filter((m) => m.subject?.includes(k));
const actorOf = (u: TSeedUser) => acting(env.t.db, u).actor;
const decided = (subject: string, outcome?: string) =>
  waitFor(
    `${subject} decided${outcome ? ` as ${outcome}` : ''}`,
    () =>
      env.t.db.inboundMessage.findFirst({
        where: {
          subject,
          state: { notIn: ['STORED', 'FAILED'] },
          ...(outcome ? { outcome: outcome as never } : { outcome: { not: null } }),
        },
      }),
    30_000,
  );

describe('work-queue actions', () => {
  it('registers a melding refused for a kenmerk contradiction from its form; the police get the acceptatiesignaal', async () => {
    const subjectKenmerk = kenmerk();
    const formKenmerk = kenmerk();
    const subject = `melding niet-acute zorg met ${subjectKenmerk}`;
    await env.deliver(
      await meldingMail({ kenmerk: subjectKenmerk, formulier: sampleFormulier({ kenmerk: formKenmerk }) }),
    );
    const refused = await decided(subject, 'FOUTMELDING_SENT');
    const open = await countOpenQueueItems({ db: env.t.db, role: 'MEDEWERKER' });
    await expect(
      registerInboundMelding({ db: env.t.db, actor: actorOf(beheerder), id: refused.id, reason: 'x y z' }),
    ).rejects.toThrow(/niet behandelen/);
    await registerInboundMelding({
      db: env.t.db,
      actor: actorOf(medewerker),
      id: refused.id,
      reason: 'Kenmerk nagevraagd bij de politie: het formulier klopt',
    });
    const row = await decided(subject, 'MELDING_ACCEPTED');
    expect(row).toMatchObject({ resolution: 'REGISTERED', resolvedBy: medewerker.name });
    const melding = await env.t.db.melding.findUniqueOrThrow({ where: { id: row.meldingId! } });
    expect(melding).toMatchObject({
      kenmerk: formKenmerk,
      kanaal: 'POLITIE_MAIL',
      registeredBy: medewerker.name,
    });
    await waitFor(
      'acceptatiesignaal',
      () => signalsFor(subjectKenmerk).some((s) => /^Acceptatiesignaal/.test(s.subject ?? '')),
      30_000,
    );
    expect(await countOpenQueueItems({ db: env.t.db, role: 'MEDEWERKER' })).toBe(open - 1);
    expect(
      await env.t.db.auditEvent.count({ where: { action: 'bericht.registreren', objectId: refused.id } }),
    ).toBe(1);
  });

  it('registers other mail that carries a form as a melding outside the protocol, with no signal', async () => {
    const k = kenmerk();
    const subject = `Doorgestuurd door de wijkagent ${k}`;
    const form = Buffer.from(await renderPdf(sampleFormulier({ kenmerk: k })));
    await env.deliver(
      await composeRaw({
        from: 'wijkteam@gemeente.example',
        subject,
        attachments: [{ filename: 'formulier.pdf', content: form, contentType: 'application/pdf' }],
      }),
    );
    const other = await decided(subject, 'OTHER');
    const before = env.smtp.messages.length;
    await registerInboundMelding({
      db: env.t.db,
      actor: actorOf(medewerker),
      id: other.id,
      reason: 'Melding via wijkteam',
    });
    const row = await decided(subject, 'MELDING_ACCEPTED');
    const melding = await env.t.db.melding.findUniqueOrThrow({ where: { id: row.meldingId! } });
    expect(melding).toMatchObject({ kenmerk: k, kanaal: 'EMAIL_BUITEN_PROTOCOL' });
    expect(await env.t.db.outgoingMail.count({ where: { inboundMessageId: other.id } })).toBe(0);
    expect(env.smtp.messages.length).toBe(before);
  });

  it('returns a registration whose form cannot be read to the queue with the reason', async () => {
    const k = kenmerk();
    const subject = `melding niet-acute zorg met ${k}`;
    await env.deliver(
      await composeRaw({
        subject,
        attachments: [{ filename: 'meldformulier.pdf', content: Buffer.from(corruptPdf()) }],
      }),
    );
    const refused = await decided(subject, 'FOUTMELDING_SENT');
    await registerInboundMelding({
      db: env.t.db,
      actor: actorOf(medewerker),
      id: refused.id,
      reason: 'Probeer het formulier',
    });
    const back = await waitFor(
      'back in the queue',
      async () => {
        const r = await env.t.db.inboundMessage.findUniqueOrThrow({ where: { id: refused.id } });
        return r.state === 'PROCESSED' && r.resolution === null && r;
      },
      30_000,
    );
    expect(back.outcome).toBe('FOUTMELDING_SENT');
    expect(back.error).toMatch(/Registreren lukte niet: .*beschadigde.*Registreer de melding met de hand/);
    expect(await env.t.db.melding.count({ where: { kenmerk: k } })).toBe(0);
  });

  it('links an unlinked reply to a melding by kenmerk: on its timeline, with its attachments', async () => {
    const k = kenmerk();
    await env.deliver(await meldingMail({ kenmerk: k }));
    const melding = await decided(`melding niet-acute zorg met ${k}`, 'MELDING_ACCEPTED');
    const subject = 'Aanvullende informatie over de melding van gisteren';
    await env.deliver(
      await composeRaw({
        from: 'j.testagent@politie.nl',
        subject,
        text: 'Betrokkene is inmiddels bekend bij de huisarts.',
        attachments: [{ filename: 'notitie.txt', content: 'Huisarts: dr. Testdokter' }],
      }),
    );
    const other = await decided(subject, 'OTHER');
    await expect(
      linkInboundToMelding({
        db: env.t.db,
        actor: actorOf(coordinator),
        id: other.id,
        kenmerk: k,
        reason: 'hoort erbij',
      }),
    ).rejects.toThrow(/niet behandelen/);
    await linkInboundToMelding({
      db: env.t.db,
      actor: actorOf(medewerker),
      id: other.id,
      kenmerk: k.toLowerCase(),
      reason: 'Gaat over dezelfde betrokkene',
    });
    const linked = await env.t.db.inboundMessage.findUniqueOrThrow({ where: { id: other.id } });
    expect(linked).toMatchObject({
      outcome: 'REPLY_LINKED',
      resolution: 'LINKED',
      meldingId: melding.meldingId,
    });
    const timeline = await getMeldingTimeline({
      ...acting(env.t.db, medewerker),
      meldingId: melding.meldingId!,
    });
    expect(timeline.some((e) => e.type === 'reactie' && e.text?.includes('bekend bij de huisarts'))).toBe(
      true,
    );
    expect(
      await env.t.db.attachment.count({
        where: { meldingId: melding.meldingId, inboundMessageId: other.id },
      }),
    ).toBe(1);
  });

  it('marks an item handled with a reason, and reprocesses another after a policy change', async () => {
    const subject = `Nieuwsbrief ${kenmerk()}`;
    await env.deliver(await composeRaw({ from: 'nieuws@elders.example', subject }));
    const other = await decided(subject, 'OTHER');
    await expect(
      markInboundHandled({ db: env.t.db, actor: actorOf(coordinator), id: other.id, reason: 'weg ermee' }),
    ).rejects.toThrow(/niet behandelen/);
    await markInboundHandled({
      db: env.t.db,
      actor: actorOf(beheerder),
      id: other.id,
      reason: 'Nieuwsbrief, geen melding',
    });
    const handled = await env.t.db.inboundMessage.findUniqueOrThrow({ where: { id: other.id } });
    expect(handled).toMatchObject({
      resolution: 'HANDLED',
      resolvedBy: beheerder.name,
      resolutionNote: 'Nieuwsbrief, geen melding',
    });
    await expect(
      markInboundHandled({ db: env.t.db, actor: actorOf(beheerder), id: other.id, reason: 'nog eens' }),
    ).rejects.toThrow(/al afgehandeld/);

    // Reprocess: a message refused before is decided afresh (here it refuses again, without a second foutmelding).
    const k = kenmerk();
    const refusedSubject = `melding niet-acute zorg met ${k}`;
    await env.deliver(await composeRaw({ subject: refusedSubject }));
    const refused = await decided(refusedSubject, 'FOUTMELDING_SENT');
    await waitFor('foutmelding sent', () => signalsFor(k).length === 1, 30_000);
    await reprocessInbound({
      db: env.t.db,
      actor: actorOf(beheerder),
      id: refused.id,
      reason: 'Na parser-update',
    });
    await waitFor(
      'decided again',
      async () => {
        const r = await env.t.db.inboundMessage.findUniqueOrThrow({ where: { id: refused.id } });
        return (
          r.state === 'PROCESSED' &&
          r.outcome === 'FOUTMELDING_SENT' &&
          r.processedAt! > refused.processedAt! &&
          r
        );
      },
      30_000,
    );
    expect(await env.t.db.outgoingMail.count({ where: { inboundMessageId: refused.id } })).toBe(1);
    expect(
      await env.t.db.auditEvent.count({
        where: { action: 'bericht.opnieuw_verwerken', objectId: refused.id },
      }),
    ).toBe(1);
  });
});
