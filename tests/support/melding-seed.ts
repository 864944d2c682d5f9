/**
 * Meldingen straight into a test database (no mail round trip), for tests of the dashboard's
 * verbs and pages: users of each role, a mailbox, and meldingen with their police mail stored.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { TDb } from '../../lib/db/client';
import type { Role } from '../../lib/db/generated/enums';
import type { TMeldformulier } from '../../lib/form/schema';
import { toMeldingColumns } from '../../lib/melding/to-melding-columns';
import { renderPdf } from '../fixtures/generator/pdf';
import { sampleFormulier } from '../fixtures/generator/people';
import { meldingMail } from './melding-mail';
import { putBytes } from '../../lib/bytes/put-bytes';
import { randomInt } from './random';

export type TSeedUser = { id: string; email: string; role: Role; name: string };

export async function seedUser(
  db: TDb,
  role: Role,
  name = `${role.toLowerCase()}-${randomUUID().slice(0, 6)}`,
): Promise<TSeedUser> {
  const u = await db.user.create({
    data: { email: `${name}@meldpunt.example`, role, name, mustChangePassword: false },
  });
  return { id: u.id, email: u.email, role: u.role, name };
}

/** The verbs' acting identity for a user, as a page passes it. */
export const acting = (db: TDb, user: TSeedUser) => ({
  db,
  user,
  actor: { id: user.id, label: user.email, ip: '127.0.0.1', userAgent: 'vitest' },
});

export async function seedMailbox(db: TDb) {
  return db.mailbox.create({
    data: {
      name: `Meldpunt ${randomUUID().slice(0, 6)}`,
      imapHost: '127.0.0.1',
      smtpHost: '127.0.0.1',
      username: 'x',
      secretEnc: 'x',
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: 'signalen@politie-keten.example',
    },
  });
}

/** A melding as ingestion records it, with the police mail and the PDF form stored. */
export async function seedMelding(
  db: TDb,
  opts: {
    mailboxId: string;
    formulier?: Partial<TMeldformulier>;
    receivedAt?: Date;
    warnings?: { field: string; message: string }[];
    withMail?: boolean;
  },
) {
  const formulier = sampleFormulier({
    kenmerk: `PL1300-${Date.now()}${randomInt(0, 1000)}`,
    ...opts.formulier,
  });
  const receivedAt = opts.receivedAt ?? new Date();
  const warnings = opts.warnings ?? [];
  const melding = await db.melding.create({
    data: {
      ...toMeldingColumns(formulier),
      formulier,
      warnings,
      hasWarnings: warnings.length > 0,
      mailboxId: opts.mailboxId,
      receivedAt,
      authenticityVerified: true,
      statusChanges: { create: { from: null, to: 'ONTVANGEN', createdAt: receivedAt } },
      versies: { create: { version: 1, formulier, warnings, receivedAt } },
    },
  });
  if (opts.withMail !== false) {
    const pdf = await renderPdf(formulier);
    const raw = await meldingMail({ kenmerk: formulier.kenmerk, form: pdf });
    const messageId = /^Message-ID: (.+)$/im.exec(raw.toString('latin1'))?.[1]?.trim() ?? null;
    const inbound = await db.inboundMessage.create({
      data: {
        mailboxId: opts.mailboxId,
        uidValidity: 1,
        uid: randomInt(0, 1e9),
        messageId,
        sha256: createHash('sha256').update(raw).digest('hex'),
        size: raw.length,
        rawHash: (await putBytes({ db, values: [raw] }))[0],
        subject: `melding niet-acute zorg met ${formulier.kenmerk}`,
        fromAddress: 'no-reply@politie.nl',
        receivedAt,
        kind: 'MELDING',
        state: 'PROCESSED',
        outcome: 'MELDING_ACCEPTED',
        meldingId: melding.id,
        authenticity: { verdict: 'pass' },
      },
    });
    await db.attachment.create({
      data: {
        meldingId: melding.id,
        inboundMessageId: inbound.id,
        filename: `meldformulier-${formulier.kenmerk}.pdf`,
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        contentHash: (await putBytes({ db, values: [pdf] }))[0],
        isForm: true,
      },
    });
  }
  return melding;
}
