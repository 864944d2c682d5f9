import { readFile } from 'node:fs/promises';
import type { ParsedMail } from 'mailparser';
import { closeParser, parseMeldformulier } from '../lib/form';
import { detectType } from '../lib/form/extract/detect';
import { refused } from '../lib/form/refused-result';
import type { TParseResult } from '../lib/form/schema';
import { parseMime } from '../lib/mail/parse-mime';
import { parseMeldingSubject } from '../lib/mail/subject';
import { parseCommandArgs } from './usage';

const PARSE_USAGE = 'parse BESTAND.pdf|.docx|.eml ...  (een bestandsnaam die met - begint: na --)';

/**
 * `cli parse FILE...`: parses meldformulieren (.pdf, .docx) or whole mails (.eml, the form taken
 * from the attachments) and prints one JSON object per file per line, in order, nothing else on
 * stdout. Exit code 0 when every file parsed ok, 1 otherwise, 2 on wrong usage.
 */
type TMailInfo = {
  subject: string | null;
  kenmerkUitOnderwerp: string | null;
  from: string | null;
  messageId: string | null;
};
type TLine = { file: string } & TParseResult & { mail?: TMailInfo };

/** The meldformulier among a mail's attachments: the first PDF or .docx (by content) that is one. */
async function parseMail(mail: ParsedMail): Promise<TParseResult> {
  const candidates = mail.attachments.filter((a) => detectType(a.content).kind !== 'other');
  if (candidates.length === 0)
    return refused('De e-mail heeft geen PDF- of Word-bijlage met een meldformulier.');
  let first: TParseResult | null = null;
  for (const attachment of candidates) {
    const result = await parseMeldformulier(attachment.content, {
      filename: attachment.filename ?? 'bijlage',
      contentType: attachment.contentType,
    });
    if (!result.errors.some((e) => e.field === 'bestand')) return result;
    first ??= result;
  }
  return first!;
}

async function parseEml(bytes: Buffer): Promise<TParseResult & { mail: TMailInfo }> {
  const mail = await parseMime(bytes);
  const subject = mail.subject ?? null;
  const info: TMailInfo = {
    subject,
    kenmerkUitOnderwerp: parseMeldingSubject(subject)?.kenmerk ?? null,
    from: mail.from?.value[0]?.address ?? null,
    messageId: mail.messageId ?? null,
  };
  const result = await parseMail(mail);
  const kenmerk = result.formulier?.kenmerk;
  if (
    info.kenmerkUitOnderwerp &&
    kenmerk &&
    info.kenmerkUitOnderwerp.toUpperCase() !== kenmerk.toUpperCase()
  ) {
    result.errors.push({
      field: 'kenmerk',
      message: `Het kenmerk in het onderwerp (${info.kenmerkUitOnderwerp}) verschilt van het kenmerk in het meldformulier (${kenmerk}).`,
    });
    result.ok = false;
  }
  return { ...result, mail: info };
}

async function parseFile(file: string): Promise<TLine> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      file,
      ...refused(
        code === 'ENOENT'
          ? 'Bestand niet gevonden.'
          : `Bestand kon niet worden gelezen (${code ?? 'onbekende fout'}).`,
      ),
    };
  }
  if (file.toLowerCase().endsWith('.eml')) return { file, ...(await parseEml(bytes)) };
  return { file, ...(await parseMeldformulier(bytes, { filename: file })) };
}

export async function parseCommand(args: string[]): Promise<number> {
  const { positionals: files } = parseCommandArgs(args, {}, PARSE_USAGE, { min: 1 });
  let allOk = true;
  try {
    for (const file of files) {
      const line = await parseFile(file);
      allOk &&= line.ok;
      const { ok, formulier, warnings, errors, mail } = line;
      process.stdout.write(
        `${JSON.stringify({ file, ok, formulier, warnings, errors, ...(mail ? { mail } : {}) })}\n`,
      );
    }
  } finally {
    await closeParser();
  }
  return allOk ? 0 : 1;
}
