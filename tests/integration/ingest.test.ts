/**
 * The worker against a real Dovecot and a real SMTP receiver: each kind of mail, each foutmelding
 * reason, threading, duplicates and hostile mail.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { ACCEPTATIESIGNAAL_TEKST } from '../../lib/mail/templates';
import { composeRaw, PNG } from '../fixtures/mail/compose';
import { corruptPdf, ENCRYPTED_PDF } from '../fixtures/generator/hostile';
import { renderPdf } from '../fixtures/generator/pdf';
import { sampleFormulier } from '../fixtures/generator/people';
import { SIGNAL_RECIPIENT, startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { waitFor } from '../support/processes';
import { readBytes } from '../../lib/bytes/read-bytes';
import { randomInt } from '../support/random';
import { acting, seedUser } from '../support/melding-seed';
import { listMeldingen } from '../../lib/melding/list-meldingen';

let env: TIngestEnv;

beforeAll(async () => {
  env = await startIngestEnv();
  env.startWorker();
});
afterAll(async () => {
  await env.stop();
  await closeParser();
});

const signalsFor = (kenmerk: string) => env.smtp.messages.filter((m) => m.subject?.includes(kenmerk));
const waitSignal = (kenmerk: string, n = 1) =>
  waitFor(
    `${n} signal(s) for ${kenmerk}`,
    () => signalsFor(kenmerk).length >= n && signalsFor(kenmerk),
    20_000,
  );
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const ledgerFor = (messageSubject: string) =>
  env.t.db.inboundMessage.findFirst({ where: { subject: messageSubject } });

describe('ingestion', () => {
  it('turns a melding into a record, an acceptatiesignaal and a move to the processed folder', async () => {
    const kenmerk = 'PL1300-2026000101';
    const raw = await meldingMail({ kenmerk });
    await env.deliver(raw);
    const [signal] = await waitSignal(kenmerk);
    const melding = await env.t.db.melding.findFirstOrThrow({ where: { kenmerk } });
    expect(melding).toMatchObject({
      status: 'ONTVANGEN',
      achternaam: 'Proefstra',
      bsn: '111222333',
      telefonischContactGewenst: true,
      version: 1,
      authenticityVerified: false,
    });
    expect((melding.formulier as { betrokkene: { voorvoegsel: string } }).betrokkene.voorvoegsel).toBe(
      'van der',
    );
    const inbound = await env.t.db.inboundMessage.findFirstOrThrow({ where: { meldingId: melding.id } });
    expect(signal!.text?.trim()).toBe(ACCEPTATIESIGNAAL_TEKST);
    expect(signal!.subject).toBe(`Acceptatiesignaal: melding niet-acute zorg met ${kenmerk}`);
    expect(signal!.inReplyTo).toBe(inbound.messageId);
    expect(signal!.envelope.to).toEqual([SIGNAL_RECIPIENT]);
    // The meldpunt's name (the default setting) as the From display name.
    expect(signal!.from?.value[0]?.name).toBe('Meldpunt niet-acute zorg');
    expect(signal!.headers.get('auto-submitted')).toBe('auto-generated');
    await waitFor(
      'moved',
      async () =>
        (await env.t.db.inboundMessage.findUniqueOrThrow({ where: { id: inbound.id } })).movedTo ===
        env.mailbox.processedFolder,
      10_000,
    );
    expect(await env.folderUids(env.mailbox.processedFolder)).toHaveLength(1);
    expect(await env.t.db.attachment.count({ where: { meldingId: melding.id, isForm: true } })).toBe(1);
    expect(
      await env.t.db.auditEvent.count({ where: { action: 'melding.ontvangen', objectId: melding.id } }),
    ).toBe(1);
    const outgoing = await env.t.db.outgoingMail.findFirstOrThrow({ where: { meldingId: melding.id } });
    expect(outgoing).toMatchObject({
      kind: 'ACCEPTATIESIGNAAL',
      state: 'SENT',
      messageId: signal!.messageId,
    });
  });

  it('keeps a copy of what it sends in the Sent folder when one is set (created when missing); a failing copy sends nothing twice', async () => {
    const withSentFolder = (sentFolder: string | null) =>
      env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { sentFolder } });
    await withSentFolder('Verzonden items');
    try {
      const kenmerk = 'PL1300-2026000131';
      await env.deliver(await meldingMail({ kenmerk }));
      const [signal] = await waitSignal(kenmerk);
      const copies = await waitFor(
        'copy in Verzonden items',
        async () => {
          const found = await env.folderMessages('Verzonden items');
          return found.length > 0 && found;
        },
        10_000,
      );
      expect(copies).toHaveLength(1);
      // The very bytes the receiver got, filed as read.
      expect(copies[0]!.source.equals(signal!.raw)).toBe(true);
      expect(copies[0]!.flags.has('\\Seen')).toBe(true);
      expect(
        await env.t.db.outgoingMail.findFirstOrThrow({ where: { messageId: signal!.messageId } }),
      ).toMatchObject({ state: 'SENT', lastError: null });

      // Dovecot refuses this folder name: the signal still goes out once, and the row says what failed.
      await withSentFolder('~Verzonden');
      const second = 'PL1300-2026000132';
      await env.deliver(await meldingMail({ kenmerk: second }));
      const [secondSignal] = await waitSignal(second);
      const row = await waitFor(
        'note on the row',
        async () => {
          const r = await env.t.db.outgoingMail.findFirstOrThrow({
            where: { messageId: secondSignal!.messageId },
          });
          // The copy is made after the send is committed: its note follows the SENT state.
          return r.state === 'SENT' && r.lastError !== null && r;
        },
        10_000,
      );
      expect(row.lastError).toMatch(
        /^Verzonden, maar geen kopie in de map "~Verzonden" van de mailbox: de IMAP-server antwoordt: Invalid mailbox name/,
      );
      expect(row.attempts).toBe(1);
      await env.settled();
      expect(signalsFor(second)).toHaveLength(1);
    } finally {
      await withSentFolder(null);
    }
  });

  it.each([
    [
      'no attachment',
      async (k: string) => composeRaw({ subject: `melding niet-acute zorg met ${k}` }),
      /geen meldformulier bijgevoegd/,
    ],
    [
      'an image instead of a form',
      async (k: string) =>
        composeRaw({
          subject: `melding niet-acute zorg met ${k}`,
          attachments: [{ filename: 'formulier.pdf', content: PNG, contentType: 'application/pdf' }],
        }),
      /png/i,
    ],
    [
      'a corrupt PDF',
      async (k: string) =>
        composeRaw({
          subject: `melding niet-acute zorg met ${k}`,
          attachments: [{ filename: 'meldformulier.pdf', content: Buffer.from(corruptPdf()) }],
        }),
      /beschadigde of onvolledige PDF/,
    ],
    [
      'an encrypted PDF',
      async (k: string) =>
        composeRaw({
          subject: `melding niet-acute zorg met ${k}`,
          attachments: [{ filename: 'meldformulier.pdf', content: readFileSync(ENCRYPTED_PDF) }],
        }),
      /wachtwoord/,
    ],
    [
      'a subject kenmerk that differs from the form',
      async (k: string) =>
        meldingMail({ kenmerk: k, formulier: sampleFormulier({ kenmerk: 'PL1300-2026999999' }) }),
      /verschilt/,
    ],
  ])(
    'answers %s with a foutmelding naming the reason, and keeps the message',
    async (_name, build, reason) => {
      // Never the form's PL1300-2026999999 of the 'differs' case.
      const kenmerk = `PL1300-20260${randomInt(0, 1e6)}`;
      await env.deliver(await build(kenmerk));
      const [signal] = await waitSignal(kenmerk);
      expect(signal!.subject).toBe(`Foutmelding: melding niet-acute zorg met ${kenmerk}`);
      expect(signal!.text).toMatch(
        /^Uw bericht is ontvangen maar kon niet succesvol verwerkt worden in ons informatiesysteem vanwege deze fout in de verwerking: /,
      );
      expect(signal!.text).toMatch(reason);
      const inbound = await ledgerFor(`melding niet-acute zorg met ${kenmerk}`);
      expect(inbound).toMatchObject({
        state: 'PROCESSED',
        kind: 'MELDING',
        targetFolder: env.mailbox.errorFolder,
        meldingId: null,
      });
      expect(inbound!.error).toMatch(reason);
      expect(inbound!.outcome).toBe('FOUTMELDING_SENT');
      expect(await env.t.db.melding.count({ where: { kenmerk } })).toBe(0);
    },
  );

  it('ingests a forwarded melding, marked as forwarded by its sender', async () => {
    const kenmerk = 'PL1300-2026000202';
    const raw = await meldingMail({
      kenmerk,
      subject: `FW: melding niet-acute zorg met ${kenmerk}`,
      from: 'Meldpunt Elders <meldpunt@andere-gemeente.example>',
    });
    await env.deliver(raw);
    await waitSignal(kenmerk);
    const melding = await env.t.db.melding.findFirstOrThrow({ where: { kenmerk } });
    expect(melding).toMatchObject({
      doorgestuurd: true,
      doorgestuurdDoor: 'meldpunt@andere-gemeente.example',
    });
  });

  it('links the same kenmerk received again as a new version of the same melding', async () => {
    const kenmerk = 'PL1300-2026000303';
    await env.deliver(await meldingMail({ kenmerk }));
    await waitSignal(kenmerk, 1);
    await env.deliver(
      await meldingMail({
        kenmerk,
        formulier: sampleFormulier({ kenmerk, telefonischContactGewenst: 'nee' }),
      }),
    );
    await waitSignal(kenmerk, 2);
    const meldingen = await env.t.db.melding.findMany({ where: { kenmerk }, include: { versies: true } });
    expect(meldingen).toHaveLength(1);
    expect(meldingen[0]).toMatchObject({
      version: 2,
      opnieuwOntvangen: true,
      telefonischContactGewenst: false,
    });
    expect(meldingen[0]!.versies.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('reopens a closed melding visibly when a new version of its form arrives', async () => {
    const kenmerk = 'PL1300-2026000304';
    await env.deliver(await meldingMail({ kenmerk }));
    await waitSignal(kenmerk, 1);
    const first = await env.t.db.melding.findFirstOrThrow({ where: { kenmerk } });
    await env.t.db.melding.update({
      where: { id: first.id },
      data: { status: 'AFGEROND', uitkomst: 'GEEN_VERVOLG', closedAt: new Date() },
    });
    await env.deliver(
      await meldingMail({
        kenmerk,
        formulier: sampleFormulier({ kenmerk, redenAanmelding: 'Opnieuw overlast.' }),
      }),
    );
    await waitSignal(kenmerk, 2);
    const reopened = await env.t.db.melding.findUniqueOrThrow({
      where: { id: first.id },
      include: { statusChanges: { orderBy: { createdAt: 'asc' } } },
    });
    expect(reopened).toMatchObject({
      version: 2,
      status: 'IN_BEHANDELING',
      uitkomst: null,
      closedAt: null,
      heropendDoorVersie: 2,
    });
    expect(reopened.statusChanges.at(-1)).toMatchObject({
      from: 'AFGEROND',
      to: 'IN_BEHANDELING',
      reason: 'Versie 2 van het formulier ontvangen na afronding: de melding is heropend',
    });
    const audited = await env.t.db.auditEvent.findFirstOrThrow({
      where: { objectId: first.id, action: 'melding.opnieuw_ontvangen' },
    });
    expect(audited.details).toMatchObject({ version: 2, heropend: true });
    // In the inbox: the badge, and the badge filter finds it.
    const medewerker = await seedUser(env.t.db, 'MEDEWERKER');
    const list = await listMeldingen({ ...acting(env.t.db, medewerker), filter: { badges: ['heropend'] } });
    expect(list.rows.map((r) => [r.kenmerk, r.badges.includes('heropend')])).toEqual([[kenmerk, true]]);
  });

  it('threads the officer’s reply onto the melding, without answering it', async () => {
    const kenmerk = 'PL1300-2026000404';
    await env.deliver(await meldingMail({ kenmerk }));
    await waitSignal(kenmerk);
    const melding = await env.t.db.melding.update({
      where: { mailboxId_kenmerk: { mailboxId: env.mailbox.id, kenmerk } },
      data: { status: 'AANVULLING_GEVRAAGD' },
    });
    const ours = await env.t.db.outgoingMail.create({
      data: {
        mailboxId: env.mailbox.id,
        meldingId: melding.id,
        kind: 'AANVULLING',
        recipient: 'j.testagent@politie.nl',
        subject: `Verzoek om aanvulling op melding niet-acute zorg met ${kenmerk}`,
        body: 'Graag aanvulling.',
        messageId: `<aanvulling-${kenmerk}@gemeente.example>`,
        state: 'SENT',
      },
    });
    const before = env.smtp.messages.length;
    await env.deliver(
      await composeRaw({
        from: 'j.testagent@politie.nl',
        subject: `RE: ${ours.subject}`,
        inReplyTo: ours.messageId,
        references: [ours.messageId],
        text: 'Hierbij de aanvulling.',
        attachments: [{ filename: 'aanvulling.txt', content: 'Extra informatie' }],
      }),
    );
    await waitFor(
      'reply recorded',
      async () => (await env.t.db.melding.findUniqueOrThrow({ where: { id: melding.id } })).reactieOntvangen,
      20_000,
    );
    const reply = await env.t.db.inboundMessage.findFirstOrThrow({
      where: { meldingId: melding.id, kind: 'REACTIE' },
    });
    expect(reply.state).toBe('PROCESSED');
    expect(await env.t.db.attachment.count({ where: { inboundMessageId: reply.id } })).toBe(1);
    // The aanvulling came: the melding is back in behandeling, with the change on its history.
    expect((await env.t.db.melding.findUniqueOrThrow({ where: { id: melding.id } })).status).toBe(
      'IN_BEHANDELING',
    );
    expect(
      await env.t.db.statusChange.findFirst({
        where: { meldingId: melding.id, from: 'AANVULLING_GEVRAAGD', to: 'IN_BEHANDELING', actorId: null },
      }),
    ).not.toBeNull();
    // Any answer would be an outbox row written with the reply's outcome; none was, none went out.
    await env.settled();
    expect(await env.t.db.outgoingMail.count({ where: { inboundMessageId: reply.id } })).toBe(0);
    expect(env.smtp.messages.length).toBe(before);
  });

  it('records auto-replies and other mail without answering them', async () => {
    const before = env.smtp.messages.length;
    await env.deliver(
      await composeRaw({
        from: 'iemand@elders.example',
        subject: 'Automatisch antwoord: melding niet-acute zorg met PL1300-2026000505',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    );
    await env.deliver(
      await composeRaw({ from: 'nieuwsbrief@elders.example', subject: 'Nieuwsbrief november' }),
    );
    await waitFor(
      'both recorded',
      async () =>
        (await env.t.db.inboundMessage.count({
          where: { kind: { in: ['AUTOMATISCH', 'OVERIG'] }, movedTo: env.mailbox.otherFolder },
        })) >= 2,
      20_000,
    );
    await env.settled();
    const recorded = await env.t.db.inboundMessage.findMany({
      where: { kind: { in: ['AUTOMATISCH', 'OVERIG'] } },
      select: { id: true },
    });
    expect(
      await env.t.db.outgoingMail.count({ where: { inboundMessageId: { in: recorded.map((m) => m.id) } } }),
    ).toBe(0);
    expect(env.smtp.messages.length).toBe(before);
  });

  it('keeps a 25 MB attachment and many smaller ones byte for byte, in the ledger and on the melding, in the byte store outside the query engine', async () => {
    const kenmerk = 'PL1300-2026000505';
    const still = randomBytes(25 * 1024 * 1024);
    // Together past what one recording lets through Prisma (PRISMA_BYTES_BUDGET): the later ones are staged too.
    const photos = Array.from({ length: 8 }, () => randomBytes(700 * 1024));
    const form = Buffer.from(await renderPdf(sampleFormulier({ kenmerk })));
    const raw = await composeRaw({
      subject: `melding niet-acute zorg met ${kenmerk}`,
      attachments: [
        { filename: `meldformulier-${kenmerk}.pdf`, content: form, contentType: 'application/pdf' },
        { filename: 'bodycam-stills.bin', content: still, contentType: 'application/octet-stream' },
        ...photos.map((content, i) => ({
          filename: `foto-${i}.bin`,
          content,
          contentType: 'application/octet-stream',
        })),
      ],
    });
    await env.deliver(raw);
    const [signal] = await waitSignal(kenmerk);
    expect(signal!.subject).toBe(`Acceptatiesignaal: melding niet-acute zorg met ${kenmerk}`);
    const melding = await env.t.db.melding.findFirstOrThrow({ where: { kenmerk } });
    const stored = await env.t.db.attachment.findFirstOrThrow({
      where: { meldingId: melding.id, filename: 'bodycam-stills.bin' },
    });
    const bytes = (sha: string | null) => readBytes({ db: env!.t.db, sha256: sha! });
    expect(stored.size).toBe(still.length);
    expect(sha256((await bytes(stored.contentHash))!)).toBe(sha256(still));
    // In the byte store in 1 MiB chunks.
    expect(await env.t.db.byteChunk.count({ where: { sha256: stored.contentHash! } })).toBe(
      Math.ceil(still.length / (1024 * 1024)),
    );
    expect(stored.sha256).toBe(sha256(still));
    const storedPhotos = await env.t.db.attachment.findMany({
      where: { meldingId: melding.id, filename: { startsWith: 'foto-' } },
      orderBy: { filename: 'asc' },
    });
    expect(await Promise.all(storedPhotos.map(async (p) => sha256((await bytes(p.contentHash))!)))).toEqual(
      photos.map(sha256),
    );
    const inbound = await env.t.db.inboundMessage.findFirstOrThrow({ where: { meldingId: melding.id } });
    expect(sha256((await bytes(inbound.rawHash))!)).toBe(sha256(raw));
    expect(inbound.sha256).toBe(sha256(raw));
    // Every value in the store is named by a row: nothing left over from the writes.
    expect(await env.t.db.byteValue.count({ where: { refs: 0 } })).toBe(0);
  });

  it('survives hostile mail: 1,000 MIME parts, broken encodings, no Message-ID, a lying Content-Type', async () => {
    const many = await composeRaw({
      subject: 'melding niet-acute zorg met PL1300-2026000606',
      attachments: Array.from({ length: 1000 }, (_, i) => ({
        filename: `deel-${i}.txt`,
        content: `deel ${i}`,
      })),
    });
    const broken = Buffer.from(
      'From: =?x-unknown?Q?=FF=FE?= <a@b.example>\r\nTo: meldpunt@gemeente.example\r\nSubject: =?utf-8?B?!!!niet-base64?=\r\nContent-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\nContent-Type: text/plain; charset=klingon\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@###\r\n--zz\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n',
    );
    const noId = Buffer.from(
      'From: no-reply@politie.nl\r\nTo: meldpunt@gemeente.example\r\nSubject: melding niet-acute zorg met PL1300-2026000707\r\n\r\nZonder bijlage en zonder Message-ID.\r\n',
    );
    for (const raw of [many, broken, noId]) await env.deliver(raw);
    const [tooMany] = await waitSignal('PL1300-2026000606');
    expect(tooMany!.text).toMatch(/kon niet worden gelezen/);
    const [noAttachment] = await waitSignal('PL1300-2026000707');
    expect(noAttachment!.text).toMatch(/geen meldformulier bijgevoegd/);
    await waitFor(
      'all three recorded',
      async () =>
        (await env.t.db.inboundMessage.count({
          where: { size: { in: [many.length, broken.length, noId.length] }, processedAt: { not: null } },
        })) === 3,
      30_000,
    );
    // The worker is still up: a normal melding after all this is processed as usual.
    await env.deliver(await meldingMail({ kenmerk: 'PL1300-2026000808' }));
    await waitSignal('PL1300-2026000808');
  });
});
