import 'server-only';
import type { TMeldformulier } from '../form/schema';
import { diffForms } from './form-fields';
import { findMeldingInScope, type TActing } from './melding-scope';

/**
 * Every received version of a melding's form, newest first, each with what changed against the
 * version before it (field by field) and a link target for its own original form file. Part of
 * the melding's page, whose view is audited; scoped like every melding read.
 */
export async function getMeldingVersions(opts: TActing & { meldingId: string }) {
  const m = await findMeldingInScope({ ...opts, action: 'melding.versies', select: { id: true } });
  const versies = await opts.db.meldingVersie.findMany({
    where: { meldingId: m.id },
    orderBy: { version: 'asc' },
    select: { version: true, receivedAt: true, formulier: true, inboundMessageId: true },
  });
  const forms = await opts.db.attachment.findMany({
    where: {
      meldingId: m.id,
      isForm: true,
      inboundMessageId: { in: versies.flatMap((v) => (v.inboundMessageId ? [v.inboundMessageId] : [])) },
    },
    select: { id: true, inboundMessageId: true },
  });
  return versies
    .map((v, i) => {
      const previous = versies[i - 1]?.formulier as TMeldformulier | null | undefined;
      const current = v.formulier as TMeldformulier | null;
      return {
        version: v.version,
        receivedAt: v.receivedAt,
        formAttachmentId: forms.find((f) => f.inboundMessageId === v.inboundMessageId)?.id ?? null,
        changes: previous && current ? diffForms(previous, current) : null,
      };
    })
    .reverse();
}
