/**
 * Raw e-mails as the police send them (subject per protocol, form attached), and the other kinds
 * of mail a meldpunt's mailbox receives, built with nodemailer's composer. Fictitious data only.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export type TAttachmentSpec = { filename: string; content: Uint8Array | string; contentType?: string };

export function composeMail(o: {
  from?: string;
  to?: string;
  subject: string;
  text?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: TAttachmentSpec[];
}): Promise<Buffer> {
  const mail = new MailComposer({
    from: o.from ?? 'no-reply@politie.nl',
    to: o.to ?? 'meldpunt@gemeente.example',
    subject: o.subject,
    text: o.text ?? 'Zie bijgevoegd meldformulier.',
    messageId: o.messageId === null ? undefined : (o.messageId ?? `<${Math.random().toString(36).slice(2)}.${Date.now()}@politie.nl>`),
    inReplyTo: o.inReplyTo,
    references: o.references,
    headers: o.headers,
    date: new Date(),
    attachments: (o.attachments ?? []).map((a) => ({ filename: a.filename, content: typeof a.content === 'string' ? a.content : Buffer.from(a.content), contentType: a.contentType })),
  });
  return new Promise((resolve, reject) => mail.compile().build((err, msg) => (err ? reject(err) : resolve(msg))));
}

export function meldingMail(o: { kenmerk: string; form: Uint8Array; filename?: string; subject?: string; from?: string; messageId?: string | null }): Promise<Buffer> {
  return composeMail({
    from: o.from,
    subject: o.subject ?? `melding niet-acute zorg met ${o.kenmerk}`,
    messageId: o.messageId,
    attachments: [{ filename: o.filename ?? `meldformulier-${o.kenmerk}.pdf`, content: o.form, contentType: 'application/pdf' }],
  });
}
