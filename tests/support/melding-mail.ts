/** A melding as the police send it: subject per protocol, the form attached. Fictitious data. */
import { composeRaw } from '../fixtures/mail/compose';
import { renderPdf } from '../fixtures/generator/pdf';
import { sampleFormulier } from '../fixtures/generator/people';
import type { TMeldformulier } from '../../lib/form/schema';

export async function meldingMail(opts: {
  kenmerk: string;
  formulier?: TMeldformulier;
  form?: Uint8Array;
  subject?: string;
  from?: string;
}): Promise<Buffer> {
  const form = opts.form ?? (await renderPdf(opts.formulier ?? sampleFormulier({ kenmerk: opts.kenmerk })));
  return composeRaw({
    from: opts.from,
    subject: opts.subject ?? `melding niet-acute zorg met ${opts.kenmerk}`,
    attachments: [
      {
        filename: `meldformulier-${opts.kenmerk}.pdf`,
        content: Buffer.from(form),
        contentType: 'application/pdf',
      },
    ],
  });
}
