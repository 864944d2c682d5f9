/**
 * Picks the meldformulier among a melding's attachments. The police attach one form, PDF or Word
 * (.docx); the type is judged by the bytes, because a declared Content-Type or file name can lie.
 * The three failures are distinct, since each becomes a different reason in the foutmelding.
 */

export type TAttachmentLike = { filename?: string; contentType: string; content: Buffer; related?: boolean };

export type TFormFormat = 'pdf' | 'docx';

export type TFormSelection<T> =
  | { ok: true; attachment: T; format: TFormFormat }
  | {
      ok: false;
      code: 'no-attachment' | 'unsupported-type' | 'several-forms' | 'unreadable';
      reason: string;
    };

/** Parts that travel with ordinary mail and are never a form attempt: signatures, logos, calendar items. */
const INCIDENTAL_TYPES =
  /^(application\/(pkcs7-signature|x-pkcs7-signature|pgp-signature|ms-tnef)|text\/calendar|message\/)/i;

/** PDF allows up to 1024 bytes of junk before the header (ISO 32000-1, 7.5.2 in practice). */
function isPdf(b: Buffer): boolean {
  const at = b.subarray(0, 1024).indexOf('%PDF-');
  return at >= 0;
}

function isZip(b: Buffer): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** A .docx is a zip whose entry list names word/document.xml (entry names are stored uncompressed). */
function isDocx(b: Buffer): boolean {
  return isZip(b) && b.indexOf('word/document.xml') >= 0;
}

export function detectFormFormat(content: Buffer): TFormFormat | null {
  if (isPdf(content)) return 'pdf';
  if (isDocx(content)) return 'docx';
  return null;
}

const MAGIC: [string, (b: Buffer) => boolean][] = [
  ['doc (oud Word-formaat)', (b) => b.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))],
  ['rtf', (b) => b.subarray(0, 5).toString('latin1') === '{\\rtf'],
  ['png', (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))],
  ['jpeg', (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
];

/** What to call an unsupported attachment in the foutmelding: its real type when recognisable. */
function describeType(a: TAttachmentLike): string {
  const magic = MAGIC.find(([, test]) => test(a.content));
  if (magic) return magic[0];
  const ext = /\.([a-z0-9]{1,8})$/i.exec(a.filename ?? '')?.[1];
  if (isZip(a.content)) return ext && ext.toLowerCase() !== 'docx' ? ext.toLowerCase() : 'zip';
  if (ext) return ext.toLowerCase();
  return a.contentType.toLowerCase();
}

/**
 * The form format the sender claims (by name or Content-Type) for bytes that are not that format:
 * a broken PDF is unreadable, not of an "unsupported type" that we then ask for as PDF.
 */
function claimedFormFormat(a: TAttachmentLike): TFormFormat | null {
  if (MAGIC.some(([, test]) => test(a.content))) return null;
  const name = (a.filename ?? '').toLowerCase();
  const type = a.contentType.toLowerCase();
  if (name.endsWith('.pdf') || type === 'application/pdf') return 'pdf';
  if (name.endsWith('.docx') || type.includes('wordprocessingml')) return 'docx';
  return null;
}

/** File names come from the sender: keep them short and on one line inside our reason text. */
function displayName(a: TAttachmentLike): string {
  const name = (a.filename ?? 'naamloze bijlage').replace(/[\r\n\t"]+/g, ' ').trim();
  return name.length > 80 ? `${name.slice(0, 77)}...` : name;
}

export function selectFormAttachment<T extends TAttachmentLike>(
  attachments: readonly T[],
): TFormSelection<T> {
  const candidates = attachments.filter((a) => !a.related && !INCIDENTAL_TYPES.test(a.contentType));
  const forms: { attachment: T; format: TFormFormat }[] = [];
  for (const a of candidates) {
    const format = detectFormFormat(a.content);
    // The same file attached twice (mail clients do that) is still one form.
    if (format && !forms.some((f) => f.attachment.content.equals(a.content)))
      forms.push({ attachment: a, format });
  }
  const [only, second] = forms;
  if (only && !second) return { ok: true, attachment: only.attachment, format: only.format };
  if (forms.length > 1) {
    const names = forms.map((f) => `"${displayName(f.attachment)}"`).join(', ');
    return {
      ok: false,
      code: 'several-forms',
      reason: `er zijn meerdere meldformulieren bijgevoegd (${names}); stuur één meldformulier per melding`,
    };
  }
  const [first] = candidates;
  if (!first) return { ok: false, code: 'no-attachment', reason: 'er is geen meldformulier bijgevoegd' };
  const claimed = claimedFormFormat(first);
  if (claimed)
    return {
      ok: false,
      code: 'unreadable',
      reason: `de bijlage "${displayName(first)}" is een beschadigde of onleesbare ${claimed === 'pdf' ? 'PDF' : 'Word-bestand'}; stuur het meldformulier opnieuw als leesbare PDF of Word (.docx)`,
    };
  const type = describeType(first);
  return {
    ok: false,
    code: 'unsupported-type',
    reason: `de bijlage "${displayName(first)}" heeft een niet-ondersteund bestandstype (${type}); stuur het meldformulier als PDF of Word (.docx)`,
  };
}
