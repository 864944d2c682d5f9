/**
 * A received mail made safe to show staff: the text part as is (rendered as text, never as
 * HTML), and the HTML part only after sanitising — no scripts, styles, forms or frames, no images
 * and no links that load or leak anything remote. The page shows that HTML in a sandboxed iframe.
 */
import sanitizeHtml from 'sanitize-html';
import { parseMime } from './parse-mime';

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
  const mail = await parseMime(raw, {
    skipImageLinks: true,
    skipTextLinks: true,
    skipTextToHtml: true,
    maxHtmlLengthToParse: 2_000_000,
  });
  return {
    from: mail.from?.text ?? null,
    to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? null),
    subject: mail.subject ?? null,
    date: mail.date ?? null,
    text: mail.text ? mail.text.slice(0, MAX_TEXT) : null,
    html: typeof mail.html === 'string' ? sanitizeMailHtml(mail.html) : null,
  };
}
