/**
 * The protocol's conversation with the officer, against a real database and — for what leaves —
 * the real outbox relay and an SMTP receiver: niet in behandeling after afstemming (mail optional,
 * reden and loket merged, prescribed subject at the start, never an empty placeholder), doorsturen
 * by reason with the officer told, terugkoppeling, the aanvulling reminder threaded to the first
 * request, contact moments and reopening.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailbox } from '../../lib/db/generated/client';
import { closeMelding } from '../../lib/melding/close-melding';
import { forwardMelding } from '../../lib/melding/forward-melding';
import { getMailDraft } from '../../lib/melding/get-mail-draft';
import { getMeldingTimeline } from '../../lib/melding/get-melding-timeline';
import { getMeldingVersions } from '../../lib/melding/get-melding-versions';
import { listMeldingen } from '../../lib/melding/list-meldingen';
import { logContactMoment } from '../../lib/melding/log-contact-moment';
import { markNietInBehandeling } from '../../lib/melding/mark-niet-in-behandeling';
import { reopenMelding } from '../../lib/melding/reopen-melding';
import { requestAanvulling } from '../../lib/melding/request-aanvulling';
import { sendAanvullingHerinnering } from '../../lib/melding/send-aanvulling-herinnering';
import { assessMelding } from '../../lib/melding/assess-melding';
import { encryptSecret } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import { getSetupChecklist } from '../../lib/settings/get-setup-checklist';
import { addAnderMeldpunt } from '../../lib/werkgebied/add-ander-meldpunt';
import { getAdreslijstMelding } from '../../lib/werkgebied/get-adreslijst-melding';
import { sendAdreslijstMelding } from '../../lib/werkgebied/send-adreslijst-melding';
import { setWerkgebied } from '../../lib/werkgebied/set-werkgebied';
import { outboxRelayLoop } from '../../workers/outbox/relay';
import { createTestDb, type TTestDb } from '../support/db';
import { acting, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';
import { startSmtpReceiver, type TReceivedMail, type TSmtpReceiver } from '../support/smtp-receiver';

let t: TTestDb;
let smtp: TSmtpReceiver;
let mailbox: Mailbox;
let medewerker: TSeedUser;
const OFFICER = 'j.testagent@politie.nl';
const AFSTEMMING = {
  at: new Date('2026-12-01T09:30:00Z'),
  withWhom: 'J. Testagent',
  kanaal: 'TELEFOON' as const,
  outcome: 'Afgesproken dat Veilig Thuis de melding oppakt.',
};

beforeAll(async () => {
  t = await createTestDb();
  smtp = await startSmtpReceiver();
  mailbox = await t.db.mailbox.create({
    data: {
      name: 'Meldpunt Proefstad',
      imapHost: '127.0.0.1',
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpTls: 'none',
      username: 'meldpunt',
      secretEnc: encryptSecret('geheim', getKeyring()),
      fromAddress: 'meldpunt@proefstad.example',
      signalRecipient: 'signalen@politie-keten.example',
    },
  });
  medewerker = await seedUser(t.db, 'MEDEWERKER');
  await t.db.setting.create({ data: { key: 'meldpuntNaam', value: 'Meldpunt Proefstad' } });
});

afterAll(async () => {
  await smtp?.stop();
  await t?.drop();
});

const as = () => acting(t.db, medewerker);
const melding = () => seedMelding(t.db, { mailboxId: mailbox.id });
const outgoing = (meldingId: string) =>
  t.db.outgoingMail.findMany({ where: { meldingId }, orderBy: { createdAt: 'asc' } });

/** Runs the real relay until a mail matching `wanted` reached the SMTP receiver; returns it. */
async function relayUntil(wanted: (mail: TReceivedMail) => boolean) {
  const controller = new AbortController();
  const relay = outboxRelayLoop({
    db: t.db,
    ring: getKeyring(),
    config: { databaseUrl: t.url, baseMs: 200, maxMs: 1000, maxAttempts: 5, pollMs: 200 },
  }).run(controller.signal);
  try {
    for (;;) {
      const found = smtp.messages.find(wanted);
      if (found) return found;
      await smtp.waitFor(smtp.messages.length + 1, 30_000);
    }
  } finally {
    controller.abort();
    await relay;
  }
}

describe('niet in behandeling (bericht 2)', () => {
  it('requires the afstemming, and closes without a mail when staff choose so', async () => {
    const m = await melding();
    await expect(
      markNietInBehandeling({
        ...as(),
        meldingId: m.id,
        loketAdvies: 'Veilig Thuis',
        reden: 'Huiselijk geweld',
      }),
    ).rejects.toThrow(/afgestemd/);
    await markNietInBehandeling({
      ...as(),
      meldingId: m.id,
      loketAdvies: 'Veilig Thuis',
      reden: 'Signalen van huiselijk geweld.',
      afstemming: AFSTEMMING,
      sendMail: false,
    });
    const closed = await t.db.melding.findUniqueOrThrow({
      where: { id: m.id },
      include: { contacten: true },
    });
    expect(closed).toMatchObject({
      status: 'AFGEROND',
      uitkomst: 'NIET_IN_BEHANDELING',
      loketAdvies: 'Veilig Thuis',
    });
    expect(closed.contacten).toEqual([
      expect.objectContaining({ withWhom: 'J. Testagent', kanaal: 'TELEFOON' }),
    ]);
    expect(await outgoing(m.id)).toEqual([]);
  });

  it('closes a melding without an officer address (no mail is possible)', async () => {
    const m = await seedMelding(t.db, {
      mailboxId: mailbox.id,
      formulier: { behandelaar: { naam: 'A. Agent', telefoon: null, email: null } },
    });
    await markNietInBehandeling({
      ...as(),
      meldingId: m.id,
      loketAdvies: 'Wijkteam',
      reden: 'Past bij het wijkteam.',
      afstemming: AFSTEMMING,
    });
    expect((await t.db.melding.findUniqueOrThrow({ where: { id: m.id } })).status).toBe('AFGEROND');
  });

  it('never sends an empty placeholder: refused while the meldpunt has no phone number, then merged and sent', async () => {
    const m = await melding();
    const draft = await getMailDraft({ ...as(), meldingId: m.id, kind: 'NIET_IN_BEHANDELING' });
    expect(draft.subject.startsWith(`reply op melding niet acute zorg met ${m.kenmerk}`)).toBe(true);
    expect(draft.body).toContain('{reden}');
    const nib = {
      ...as(),
      meldingId: m.id,
      loketAdvies: 'Veilig Thuis',
      reden: 'Signalen van huiselijk geweld.',
      afstemming: AFSTEMMING,
      sendMail: true,
      body: draft.body,
    };
    await expect(markNietInBehandeling(nib)).rejects.toThrow(
      /telefoonnummer van het meldpunt \(Beheer → Instellingen\) ontbreekt/,
    );
    expect((await t.db.melding.findUniqueOrThrow({ where: { id: m.id } })).status).toBe('ONTVANGEN');
    expect(await t.db.contactMoment.count({ where: { meldingId: m.id } })).toBe(0);

    await t.db.setting.create({ data: { key: 'meldpuntTelefoon', value: '010-1234567' } });
    await markNietInBehandeling(nib);
    const [mail] = await outgoing(m.id);
    expect(mail).toMatchObject({ kind: 'NIET_IN_BEHANDELING', recipient: OFFICER });
    expect(mail!.body).toContain('Zoals op 1 december 2026 telefonisch afgestemd met J. Testagent,');
    expect(mail!.body).toContain('Reden: Signalen van huiselijk geweld.');
    expect(mail!.body).toContain('Geadviseerd loket: Veilig Thuis');
    expect(mail!.body).toContain('010-1234567');
    expect(mail!.body).not.toMatch(/\{[a-zA-Z]+\}/);

    const sent = await relayUntil((s) => s.messageId === mail!.messageId);
    expect(sent.envelope.to).toEqual([OFFICER]);
    expect(sent.subject?.startsWith(`reply op melding niet acute zorg met ${m.kenmerk}`)).toBe(true);
    expect(sent.text).toContain('Geadviseerd loket: Veilig Thuis');
  });
});

describe('doorsturen', () => {
  it('writes the mail from the reason, sends only what staff chose, and tells the officer where it went', async () => {
    const beheerder = await seedUser(t.db, 'BEHEERDER');
    const vt = await addAnderMeldpunt({
      db: t.db,
      actor: { id: beheerder.id, label: beheerder.email },
      naam: 'Veilig Thuis Proefregio',
      email: 'loket@veiligthuis.example',
    });
    const m = await melding();
    await expect(
      forwardMelding({ ...as(), meldingId: m.id, anderMeldpuntId: vt.id, reden: 'ANDERS' }),
    ).rejects.toThrow(/licht toe/);
    await forwardMelding({
      ...as(),
      meldingId: m.id,
      anderMeldpuntId: vt.id,
      reden: 'ANDER_LOKET',
      includeForm: false,
      notifyOfficer: true,
    });
    const [forward, notice] = await outgoing(m.id);
    expect(forward).toMatchObject({
      kind: 'DOORSTUREN',
      recipient: 'loket@veiligthuis.example',
      attachmentIds: [],
    });
    expect(forward!.body).toContain('past deze melding beter bij uw organisatie');
    expect(forward!.body).not.toContain('buiten ons werkgebied');
    expect(notice).toMatchObject({ kind: 'DOORGESTUURD_BERICHT', recipient: OFFICER });
    expect(notice!.subject.startsWith(`reply op melding niet acute zorg met ${m.kenmerk}`)).toBe(true);
    expect(notice!.body).toContain('doorgestuurd naar Veilig Thuis Proefregio');

    const sentForward = await relayUntil((s) => s.messageId === forward!.messageId);
    expect(sentForward.envelope.to).toEqual(['loket@veiligthuis.example']);
    expect(sentForward.attachments).toHaveLength(0);
  });
});

describe('terugkoppeling, reminder, contact moments, reopening', () => {
  it('sends the terugkoppeling on closing when chosen, from the template', async () => {
    const m = await melding();
    await assessMelding({
      ...as(),
      meldingId: m.id,
      uitkomst: 'NADER_ONDERZOEK',
      prioriteit: 'NORMAAL',
      reden: 'Zorgen over zelfzorg.',
    });
    const draft = await getMailDraft({ ...as(), meldingId: m.id, kind: 'TERUGKOPPELING' });
    await expect(
      closeMelding({
        ...as(),
        meldingId: m.id,
        uitkomst: 'DOORGESTUURD',
        loketAdvies: 'Elders',
        sendTerugkoppeling: true,
        terugkoppelingBody: draft.body,
      }),
    ).rejects.toThrow(/terugkoppeling hoort bij/);
    await closeMelding({
      ...as(),
      meldingId: m.id,
      uitkomst: 'TOEGELEID',
      sendTerugkoppeling: true,
      terugkoppelingBody: draft.body,
    });
    const [mail] = await outgoing(m.id);
    expect(mail).toMatchObject({
      kind: 'TERUGKOPPELING',
      recipient: OFFICER,
      subject: `Terugkoppeling op melding niet-acute zorg met ${m.kenmerk}`,
    });
    expect(mail!.body).toContain('is opgepakt door het meldpunt');
  });

  it('shows "herinnering nodig" after the set werkdagen and sends a reminder threaded to the first request', async () => {
    const m = await melding();
    await requestAanvulling({ ...as(), meldingId: m.id, body: 'Is er een huisarts bekend?' });
    const [request] = await outgoing(m.id);
    const filter = { badges: ['herinnering' as const], status: 'alle' as const };
    const now = await listMeldingen({ ...as(), filter });
    expect(now.rows.map((r) => r.id)).not.toContain(m.id);
    const later = await listMeldingen({ ...as(), filter, now: new Date(Date.now() + 8 * 86_400_000) });
    expect(later.rows.find((r) => r.id === m.id)?.badges).toContain('herinnering');

    await sendAanvullingHerinnering({ ...as(), meldingId: m.id });
    const reminder = (await outgoing(m.id)).find((o) => o.kind === 'HERINNERING_AANVULLING')!;
    expect(reminder.subject).toBe(
      `Herinnering: Verzoek om aanvulling op melding niet-acute zorg met ${m.kenmerk}`,
    );
    expect(reminder.inReplyTo).toBe(request!.messageId);
    expect(reminder.body).toContain('> Is er een huisarts bekend?');

    const sent = await relayUntil((s) => s.messageId === reminder.messageId);
    expect(sent.subject).toBe(reminder.subject);
    expect(sent.inReplyTo).toBe(request!.messageId);

    await t.db.melding.update({ where: { id: m.id }, data: { status: 'IN_BEHANDELING' } });
    await expect(sendAanvullingHerinnering({ ...as(), meldingId: m.id })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('logs a contact moment on the timeline, and reopens a closed melding with its reason', async () => {
    const m = await melding();
    await logContactMoment({
      ...as(),
      meldingId: m.id,
      ...AFSTEMMING,
      at: '2026-12-02T14:15' as unknown as Date,
    });
    const contact = await t.db.contactMoment.findFirstOrThrow({ where: { meldingId: m.id } });
    expect(contact.at.toISOString()).toBe('2026-12-02T13:15:00.000Z');
    const timeline = await getMeldingTimeline({ ...as(), meldingId: m.id });
    expect(timeline.find((e) => e.type === 'contact')).toMatchObject({ withWhom: 'J. Testagent' });

    await expect(
      reopenMelding({ ...as(), meldingId: m.id, reden: 'Nieuwe informatie.' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await closeMelding({ ...as(), meldingId: m.id, uitkomst: 'DOORGESTUURD', loketAdvies: 'Elders' });
    await reopenMelding({ ...as(), meldingId: m.id, reden: 'De politie belde met nieuwe informatie.' });
    const reopened = await t.db.melding.findUniqueOrThrow({ where: { id: m.id } });
    expect(reopened).toMatchObject({ status: 'IN_BEHANDELING', uitkomst: null, closedAt: null });
    expect(
      await t.db.statusChange.count({
        where: {
          meldingId: m.id,
          from: 'AFGEROND',
          to: 'IN_BEHANDELING',
          reason: 'De politie belde met nieuwe informatie.',
        },
      }),
    ).toBe(1);
    expect(await t.db.auditEvent.count({ where: { objectId: m.id, action: 'melding.heropend' } })).toBe(1);
  });
});

describe("the meldpunt's own duties", () => {
  it('lists what is not set up yet, and prepares the Bijlage B notice after a werkgebied change', async () => {
    const beheerder = await seedUser(t.db, 'BEHEERDER');
    const actor = { id: beheerder.id, label: beheerder.email };
    const before = await getSetupChecklist({ db: t.db });
    expect(before.find((i) => i.key === 'werkgebied')).toMatchObject({ ok: false });
    expect(before.find((i) => i.key === 'naam')).toMatchObject({ ok: true });

    await t.db.adreslijstWijziging.deleteMany({});
    expect(await getAdreslijstMelding({ db: t.db })).toBeNull();
    await setWerkgebied({
      db: t.db,
      actor,
      werkgebied: { gemeenten: ['Proefstad'], postcodes: [{ van: 9990, tot: 9999 }] },
    });
    expect((await getSetupChecklist({ db: t.db })).find((i) => i.key === 'werkgebied')).toMatchObject({
      ok: true,
    });

    const prepared = await getAdreslijstMelding({ db: t.db });
    expect(prepared).toMatchObject({ recipient: 'meldpuntzorgwekkendgedrag@jblorenz.nl' });
    expect(prepared!.body).toContain('- Proefstad');
    expect(prepared!.body).toContain('- 9990–9999');
    expect(prepared!.body).toContain('- meldpunt@proefstad.example');

    await expect(
      sendAdreslijstMelding({
        db: t.db,
        actor: { id: medewerker.id, label: medewerker.email },
        send: 'versturen',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { outgoingMailId } = await sendAdreslijstMelding({ db: t.db, actor, send: 'versturen' });
    const mail = await t.db.outgoingMail.findUniqueOrThrow({ where: { id: outgoingMailId! } });
    expect(mail).toMatchObject({
      kind: 'ADRESWIJZIGING',
      recipient: 'meldpuntzorgwekkendgedrag@jblorenz.nl',
    });
    expect(await getAdreslijstMelding({ db: t.db })).toBeNull();
    expect(
      await t.db.auditEvent.count({ where: { action: 'adressenlijst.gemeld', actorId: beheerder.id } }),
    ).toBe(1);
    const sent = await relayUntil((s) => s.messageId === mail.messageId);
    expect(sent.envelope.to).toEqual(['meldpuntzorgwekkendgedrag@jblorenz.nl']);
  });
});

describe('versions', () => {
  it('shows what changed between versions of the form, field by field, with each original', async () => {
    const m = await melding();
    // As ingestion records it: the version points at the police mail that carried it.
    const police = await t.db.inboundMessage.findFirstOrThrow({ where: { meldingId: m.id } });
    const first = await t.db.meldingVersie.update({
      where: { meldingId_version: { meldingId: m.id, version: 1 } },
      data: { inboundMessageId: police.id },
    });
    const form = first.formulier as { betrokkene: Record<string, unknown>; redenAanmelding: string };
    await t.db.meldingVersie.create({
      data: {
        meldingId: m.id,
        version: 2,
        receivedAt: new Date(),
        formulier: {
          ...form,
          betrokkene: { ...form.betrokkene, plaats: 'Nieuwstad' },
          redenAanmelding: 'Aangevulde reden na nieuw contact.',
        },
      },
    });
    const [latest, original] = await getMeldingVersions({ ...as(), meldingId: m.id });
    expect(original).toMatchObject({ version: 1, changes: null });
    expect(original!.formAttachmentId).not.toBeNull();
    expect(latest!.version).toBe(2);
    expect(latest!.changes!.map((c) => c.path).sort()).toEqual(['betrokkene.plaats', 'redenAanmelding']);
    expect(latest!.changes!.find((c) => c.path === 'betrokkene.plaats')).toMatchObject({ to: 'Nieuwstad' });
  });
});
