import type { SimpleParserOptions } from 'mailparser';

/**
 * mailparser's options for a mail staff will read: no links or images made up, no HTML made from
 * text; text made from HTML only for a mail without a text part. The worker's own parse uses them
 * too, so the readable copy it keeps (lib/mail/readable-mail.ts) needs no second parse.
 */
export const READABLE_PARSE: SimpleParserOptions = {
  skipImageLinks: true,
  skipTextLinks: true,
  skipTextToHtml: true,
  maxHtmlLengthToParse: 2_000_000,
};
