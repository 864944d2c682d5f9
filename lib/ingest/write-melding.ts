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
  opts: {
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
  const columns = toMeldingColumns(opts.formulier);
  const werkgebied = await getWerkgebied({ db: tx });
  const flags = {
    ...columns,
    ...deriveGemeente(werkgebied, columns),
    formulier: opts.formulier,
    warnings: opts.warnings,
    hasWarnings: opts.warnings.length > 0,
    authenticityVerified: opts.authenticityVerified,
    doorgestuurd: opts.forwardedBy !== null,
    doorgestuurdDoor: opts.forwardedBy,
    // The place as toMeldingColumns derives it: the betrokkene's address, else the voorval's.
    buitenWerkgebied: isOutsideWerkgebied(werkgebied, columns),
  };
  // Serialise arrivals of the same kenmerk, so two versions never get the same number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${opts.mailboxId ?? 'hand'}:${opts.formulier.kenmerk}`}))`;
  const herhaling = await hasEarlierMelding(tx, { ...columns, before: opts.receivedAt });
  const existing = await tx.melding.findFirst({
    where: { mailboxId: opts.mailboxId, kenmerk: opts.formulier.kenmerk },
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
          kanaal: opts.kanaal,
          registeredBy: opts.registeredBy ?? null,
          mailboxId: opts.mailboxId,
          receivedAt: opts.receivedAt,
          statusChanges: { create: { from: null, to: 'ONTVANGEN' } },
        },
      });
  await tx.meldingVersie.create({
    data: {
      meldingId: melding.id,
      version: melding.version,
      formulier: opts.formulier,
      warnings: opts.warnings,
      inboundMessageId: opts.inboundId,
      receivedAt: opts.receivedAt,
    },
  });
  await saveAttachments({
    tx,
    attachments: opts.attachments,
    meldingId: melding.id,
    inboundId: opts.inboundId,
  });
  return { melding, existing, reopened: existing?.status === 'AFGEROND' };
}
