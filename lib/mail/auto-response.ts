/**
 * Recognises mail written by machines in answer to other mail: delivery failure reports (DSN,
 * RFC 3464) and auto-replies such as out-of-office notices. Such mail is recorded, never answered:
 * answering it would start a mail loop between two robots.
 */

export type THeaderMap = { get(name: string): unknown };
export type TPart = { contentType: string; content?: Buffer };

/** bouncedMessageId: our mail that bounced, when the report quotes it. */
export type TAutoResponse = { reason: 'auto-reply' | 'bounce'; bouncedMessageId?: string };

/** `certain`: wins over anything the subject says. `weak`: see detectAutoResponse. */
export type TAutoStrength = 'certain' | 'weak';

const OUT_OF_OFFICE_SUBJECT =
  /^\s*(automatisch antwoord|automatische reactie|automatic reply|auto(matic)?[- ]?(reply|response)|autoreply|afwezig|niet aanwezig|out of (the )?office|abwesend|absence)\b/i;
const BOUNCE_SUBJECT =
  /^\s*(onbestelbaar|niet bezorgd|undeliverable|undelivered mail|delivery status notification|mail delivery (failed|failure)|returned mail|failure notice|unzustellbar)\b/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim().toLowerCase();
  if (value && typeof value === 'object' && 'value' in value)
    return text((value as { value: unknown }).value);
  return '';
}

function contentType(headers: THeaderMap): { value: string; reportType: string } {
  const ct = headers.get('content-type') as
    { value?: unknown; params?: Record<string, unknown> } | string | undefined;
  if (typeof ct === 'string')
    return {
      value: ct.split(';')[0]!.trim().toLowerCase(),
      reportType: /report-type="?([\w-]+)/i.exec(ct)?.[1]?.toLowerCase() ?? '',
    };
  return { value: text(ct?.value), reportType: text(ct?.params?.['report-type']) };
}

/** The Message-ID in the returned original (message/rfc822) or its headers (text/rfc822-headers). */
function bouncedMessageId(parts: readonly TPart[]): string | undefined {
  for (const part of parts) {
    if (
      !/^(message\/rfc822|text\/rfc822-headers|message\/global(-headers)?)$/i.test(part.contentType) ||
      !part.content
    )
      continue;
    const head = part.content.subarray(0, 64 * 1024).toString('utf8');
    const headers = head.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    const id = /^message-id:\s*(<[^<>\s]+>)/im.exec(headers)?.[1];
    if (id) return id;
  }
  return undefined;
}

/**
 * `certain` marks are DSNs, auto-replied mail, X-Autoreply, Precedence auto_reply and
 * out-of-office/bounce subjects. `weak` marks (Auto-Submitted: auto-generated, Precedence
 * bulk/junk, X-Auto-Response-Suppress) are also set by automated senders of genuine mail,
 * the police's own no-reply system among them; the caller decides whether they win.
 */
export function detectAutoResponse(mail: {
  headers: THeaderMap;
  subject?: string;
  fromAddress?: string;
  attachments: readonly TPart[];
}): { result: TAutoResponse; strength: TAutoStrength } | null {
  const h = mail.headers;
  const ct = contentType(h);
  const subject = mail.subject ?? '';
  const isDsn =
    (ct.value === 'multipart/report' && ct.reportType === 'delivery-status') ||
    mail.attachments.some((p) => /^message\/(global-)?delivery-status$/i.test(p.contentType));
  if (isDsn || BOUNCE_SUBJECT.test(subject) || BOUNCE_SENDER.test(mail.fromAddress ?? '')) {
    const id = bouncedMessageId(mail.attachments);
    return {
      result: id ? { reason: 'bounce', bouncedMessageId: id } : { reason: 'bounce' },
      strength: 'certain',
    };
  }
  const autoSubmitted = text(h.get('auto-submitted'));
  const precedence = text(h.get('precedence'));
  const certain =
    ct.value === 'multipart/report' ||
    autoSubmitted.startsWith('auto-replied') ||
    h.get('x-autoreply') !== undefined ||
    h.get('x-autorespond') !== undefined ||
    precedence === 'auto_reply' ||
    OUT_OF_OFFICE_SUBJECT.test(subject);
  if (certain) return { result: { reason: 'auto-reply' }, strength: 'certain' };
  const weak =
    (autoSubmitted !== '' && autoSubmitted !== 'no') ||
    ['bulk', 'junk', 'list'].includes(precedence) ||
    h.get('x-auto-response-suppress') !== undefined;
  return weak ? { result: { reason: 'auto-reply' }, strength: 'weak' } : null;
}
