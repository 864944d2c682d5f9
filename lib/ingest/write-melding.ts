import 'server-only';
import type { TTx } from '../db/client';
import type { MeldingKanaal } from '../db/generated/enums';
import type { TFinding, TMeldformulier } from '../form/schema';
import { hasEarlierMelding } from '../melding/has-earlier-melding';
import { toMeldingColumns } from '../melding/to-melding-columns';
import { getWerkgebied } from '../werkgebied/get-werkgebied';
import { deriveGemeente, isOutsideWerkgebied } from '../werkgebied/werkgebied';
import { saveAttachments, type TPutAttachment } from './save-attachments';

/**
 * A new version of the form for a closed melding reopens it, visibly: back in behandeling with
 * the uitkomst cleared (as a reopen by hand), the reason in the status history, and a mark that
 * the inbox and the melding page show — never only a quiet "Versie n".
 */
function reopenedBy(version: number) {
  return {
    status: 'IN_BEHANDELING' as const,
    uitkomst: null,
    uitkomstToelichting: null,
    loketAdvies: null,
    closedAt: null,
    heropendDoorVersie: version,
    statusChanges: {
      create: {
        from: 'AFGEROND' as const,
        to: 'IN_BEHANDELING' as const,
        reason: `Versie ${version} van het formulier ontvangen na afronding: de melding is heropend`,
      },
    },
  };
}

/**
 * The melding itself inside the caller's transaction: new, or for a kenmerk already known (same
 * mailbox, or both registered by hand) its next version; the form version and the attachments.
 * Shared by the worker (a police mail) and by registration by hand.
 */
export async function writeMelding(
  tx: TTx,
  o: {
    mailboxId: string | null;
    inboundId: string | null;
    receivedAt: Date;
    formulier: TMeldformulier;
    warnings: TFinding[];
    attachments: TPutAttachment[];
    forwardedBy: string | null;
    authenticityVerified: boolean;
    kanaal: MeldingKanaal;
    registeredBy?: string | null;
  },
) {
  const columns = toMeldingColumns(o.formulier);
  const werkgebied = await getWerkgebied({ db: tx });
  const flags = {
    ...columns,
    ...deriveGemeente(werkgebied, columns),
    formulier: o.formulier,
    warnings: o.warnings,
    hasWarnings: o.warnings.length > 0,
    authenticityVerified: o.authenticityVerified,
    doorgestuurd: o.forwardedBy !== null,
    doorgestuurdDoor: o.forwardedBy,
    // The place as toMeldingColumns derives it: the betrokkene's address, else the voorval's.
    buitenWerkgebied: isOutsideWerkgebied(werkgebied, columns),
  };
  // Serialise arrivals of the same kenmerk, so two versions never get the same number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${o.mailboxId ?? 'hand'}:${o.formulier.kenmerk}`}))`;
  const herhaling = await hasEarlierMelding(tx, { ...columns, before: o.receivedAt });
  const existing = await tx.melding.findFirst({
    where: { mailboxId: o.mailboxId, kenmerk: o.formulier.kenmerk },
    select: { id: true, version: true, status: true },
  });
  const melding = existing
    ? await tx.melding.update({
        where: { id: existing.id },
        data: {
          ...flags,
          herhaling,
          version: existing.version + 1,
          opnieuwOntvangen: true,
          ...(existing.status === 'AFGEROND' ? reopenedBy(existing.version + 1) : {}),
        },
      })
    : await tx.melding.create({
        data: {
          ...flags,
          herhaling,
          kanaal: o.kanaal,
          registeredBy: o.registeredBy ?? null,
          mailboxId: o.mailboxId,
          receivedAt: o.receivedAt,
          statusChanges: { create: { from: null, to: 'ONTVANGEN' } },
        },
      });
  await tx.meldingVersie.create({
    data: {
      meldingId: melding.id,
      version: melding.version,
      formulier: o.formulier,
      warnings: o.warnings,
      inboundMessageId: o.inboundId,
      receivedAt: o.receivedAt,
    },
  });
  await saveAttachments({
    tx,
    attachments: o.attachments,
    meldingId: melding.id,
    inboundId: o.inboundId,
  });
  return { melding, existing, reopened: existing?.status === 'AFGEROND' };
}
