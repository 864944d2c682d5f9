/**
 * A received mail made safe to show staff: the text part as is (rendered as text, never as
 * HTML), and the HTML part only after sanitising — no scripts, styles, forms or frames, no images
 * and no links that load or leak anything remote. The page shows that HTML in a sandboxed iframe.
 */
import type { ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { parseMime } from './parse-mime';
import { READABLE_PARSE } from './readable-parse';

export type TReadableMail = {
  from: string | null;
  to: string | null;
  subject: string | null;
  date: Date | null;
  text: string | null;
  html: string | null;
};

const MAX_TEXT = 200_000;

export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'),
    allowedAttributes: { a: ['title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    // Links keep their text but lose their target: a click must not leave the meldpunt's network.
    allowedSchemes: [],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head'],
  });
}

export async function readableMail(raw: Buffer): Promise<TReadableMail> {
  return readableOf(await parseMime(raw, READABLE_PARSE));
}

/**
 * The readable mail out of a parse made with READABLE_PARSE: the worker keeps it on the ledger
 * row when it records a message, so the melding page and timeline never read the raw mail.
 */
export function readableOf(mail: ParsedMail): TReadableMail {
  return {
    from: mail.from?.text ?? null,
    to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? null),
    subject: mail.subject ?? null,
    date: mail.date ?? null,
    text: mail.text ? mail.text.slice(0, MAX_TEXT) : null,
    html: typeof mail.html === 'string' ? sanitizeMailHtml(mail.html) : null,
  };
}

/** As kept in the database (JSON): the date as an ISO string. */
export type TReadableMailJson = Omit<TReadableMail, 'date'> & { date: string | null };

export const readableToJson = (r: TReadableMail): TReadableMailJson => ({
  ...r,
  date: r.date && !Number.isNaN(r.date.getTime()) ? r.date.toISOString() : null,
});

export const readableFromJson = (j: TReadableMailJson): TReadableMail => ({
  ...j,
  date: j.date ? new Date(j.date) : null,
});
