/** Exactly what a mail to the officer will hold: recipient, subject and text. */
export function MailPreview({
  recipient,
  subject,
  body,
}: {
  recipient: string;
  subject: string;
  body: string;
}) {
  return (
    <dl
      className="rounded border border-slate-300 bg-slate-50 p-3 text-sm"
      aria-label="Voorbeeld van de mail"
    >
      <div className="flex gap-2">
        <dt className="w-24 font-medium">Aan</dt>
        <dd>{recipient}</dd>
      </div>
      <div className="flex gap-2">
        <dt className="w-24 font-medium">Onderwerp</dt>
        <dd>{subject}</dd>
      </div>
      <div className="mt-2 border-t border-slate-300 pt-2">
        <dt className="sr-only">Tekst</dt>
        <dd className="whitespace-pre-wrap">{body}</dd>
      </div>
    </dl>
  );
}
