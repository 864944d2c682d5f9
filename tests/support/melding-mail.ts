/** A melding as the police send it: subject per protocol, the form attached. Fictitious data. */
import { composeRaw } from '../fixtures/mail/compose';
import { renderPdf } from '../fixtures/generator/pdf';
import { sampleFormulier } from '../fixtures/generator/people';
import type { TMeldformulier } from '../../lib/form/schema';

export async function meldingMail(o: {
  kenmerk: string;
  formulier?: TMeldformulier;
  form?: Uint8Array;
  subject?: string;
  from?: string;
}): Promise<Buffer> {
  const form = o.form ?? (await renderPdf(o.formulier ?? sampleFormulier({ kenmerk: o.kenmerk })));
  return composeRaw({
    from: o.from,
    subject: o.subject ?? `melding niet-acute zorg met ${o.kenmerk}`,
    attachments: [
      {
        filename: `meldformulier-${o.kenmerk}.pdf`,
        content: Buffer.from(form),
        contentType: 'application/pdf',
      },
    ],
  });
}
