import 'server-only';
import { audit, type TAuditActor, personKey } from '../audit/audit';
import type { TDb } from '../db/client';
import { readBytes } from '../bytes/read-bytes';
import { meldingPersonKey } from '../melding/melding-person-key';
import { personWhere, ZPersonQuery } from '../melding/person-query';
import { requireBeheerder } from '../auth/require-beheerder';

/** A value from the byte store, base64-encoded; null when there is none (any more). */
async function b64(db: TDb, sha256: string | null): Promise<string | null> {
  const bytes = sha256 ? await readBytes({ db, sha256 }) : null;
  return bytes ? bytes.toString('base64') : null;
}

/**
 * Everything held about a person (AVG inzage): each melding about them with its form versions,
 * notes, contact moments, assessments, status history, mail in and out (raw mail and files base64-encoded), and
 * the access log — who did what with their data, this export included. Audited.
 */
export async function exportPersonData(opts: { db: TDb; actor: TAuditActor; query: unknown; now?: Date }) {
  const query = ZPersonQuery.parse(opts.query);
  await requireBeheerder(opts.db, opts.actor);
  // Not one transaction: Prisma reads the relations in parallel, which a transaction's single
  // connection would serialise with a warning. The export is audited before the access log is read.
  const meldingen = await opts.db.melding.findMany({
    where: personWhere(query),
    orderBy: { receivedAt: 'asc' },
    include: {
      versies: { orderBy: { version: 'asc' } },
      notes: {
        orderBy: { createdAt: 'asc' },
        select: { text: true, createdAt: true, author: { select: { email: true } } },
      },
      contacten: {
        orderBy: { at: 'asc' },
        select: {
          at: true,
          withWhom: true,
          kanaal: true,
          outcome: true,
          author: { select: { email: true } },
        },
      },
      beoordelingen: {
        orderBy: { createdAt: 'asc' },
        select: {
          uitkomst: true,
          prioriteit: true,
          reden: true,
          soorten: true,
          createdAt: true,
          author: { select: { email: true } },
        },
      },
      statusChanges: {
        orderBy: { createdAt: 'asc' },
        select: {
          from: true,
          to: true,
          uitkomst: true,
          reason: true,
          createdAt: true,
          actor: { select: { email: true } },
        },
      },
      outgoing: {
        orderBy: { createdAt: 'asc' },
        select: {
          kind: true,
          recipient: true,
          subject: true,
          body: true,
          state: true,
          createdAt: true,
          sentAt: true,
        },
      },
      attachments: {
        orderBy: { createdAt: 'asc' },
        select: {
          filename: true,
          contentType: true,
          size: true,
          sha256: true,
          contentHash: true,
          createdAt: true,
        },
      },
      messages: {
        orderBy: { receivedAt: 'asc' },
        select: {
          messageId: true,
          subject: true,
          fromAddress: true,
          receivedAt: true,
          kind: true,
          rawHash: true,
        },
      },
      assignee: { select: { email: true } },
    },
  });
  const key = personKey(query);
  const keys = [...new Set([key, ...meldingen.map(meldingPersonKey)].filter((k): k is string => k !== null))];
  await audit(opts.db, {
    actor: opts.actor,
    action: 'persoon.export',
    objectType: 'person',
    personKey: key,
    details: { meldingen: meldingen.length },
  });
  const inzage = await opts.db.auditEvent.findMany({
    where: {
      OR: [
        { personKey: { in: keys } },
        { objectType: 'melding', objectId: { in: meldingen.map((m) => m.id) } },
      ],
    },
    orderBy: { at: 'asc' },
    select: { at: true, actorLabel: true, action: true, outcome: true },
  });
  return {
    type: 'meldpost/persoonsgegevens-export/1',
    aangemaakt: (opts.now ?? new Date()).toISOString(),
    zoekvraag: 'bsn' in query ? { bsn: query.bsn } : query,
    meldingen: await Promise.all(
      meldingen.map(async ({ attachments, messages, ...m }) => ({
        ...m,
        attachments: await Promise.all(
          attachments.map(async ({ contentHash, ...a }) => ({
            ...a,
            contentBase64: await b64(opts.db, contentHash),
          })),
        ),
        messages: await Promise.all(
          messages.map(async ({ rawHash, ...msg }) => ({ ...msg, rawBase64: await b64(opts.db, rawHash) })),
        ),
      })),
    ),
    inzage,
  };
}
