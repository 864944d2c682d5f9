import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run cli -- parse FILE...` as a user runs it: one JSON line per file on stdout, in order,
 * nothing else; exit 0 only when every file parsed ok.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const FORMS = path.join(ROOT, 'tests/fixtures/forms');
const PDF = path.join(FORMS, 'pdf-v20-colon-ballot/input.pdf');
const DOCX = path.join(FORMS, 'docx-v20-colon/input.docx');
let dir = '';

async function runCli(
  ...files: string[]
): Promise<{ code: number; lines: Record<string, unknown>[]; stdout: string }> {
  // As package.json's "cli" script starts it (react-server: lib/server marks itself server-only).
  const args = ['--conditions=react-server', '--import', 'tsx', 'cli/main.ts', 'parse', ...files];
  const result = await promisify(execFile)(process.execPath, args, { cwd: ROOT }).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  return {
    ...result,
    lines: result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line)),
  };
}

async function eml(name: string, subject: string, attachment: string): Promise<string> {
  const message = await new MailComposer({
    from: 'Politie <noreply@politie.nl>',
    to: 'meldpunt@gemeente.example',
    subject,
    messageId: `<${name}@politie.nl>`,
    text: 'Hierbij maak ik melding van een (vermoedelijke) zorgelijke situatie.',
    attachments: [
      { filename: 'meldformulier.pdf', content: await readFile(attachment), contentType: 'application/pdf' },
    ],
  })
    .compile()
    .build();
  const file = path.join(dir, `${name}.eml`);
  await writeFile(file, message);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'meldpost-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli parse', () => {
  it('prints one line per .pdf, .docx and .eml, exit 0 when all are ok', async () => {
    const expected = JSON.parse(
      await readFile(path.join(FORMS, 'pdf-v20-colon-ballot/expected.json'), 'utf8'),
    );
    const mail = await eml('goed', `FW: melding niet-acute zorg met ${expected.formulier.kenmerk}`, PDF);
    const { code, lines } = await runCli(PDF, DOCX, mail);
    expect(code).toBe(0);
    expect(lines.map((line) => line.file)).toEqual([PDF, DOCX, mail]);
    expect(lines.map((line) => Object.keys(line))).toEqual([
      ['file', 'ok', 'formulier', 'warnings', 'errors'],
      ['file', 'ok', 'formulier', 'warnings', 'errors'],
      ['file', 'ok', 'formulier', 'warnings', 'errors', 'mail'],
    ]);
    expect(lines[0]!.formulier).toEqual(expected.formulier);
    expect(lines[2]!.mail).toEqual({
      subject: `FW: melding niet-acute zorg met ${expected.formulier.kenmerk}`,
      kenmerkUitOnderwerp: expected.formulier.kenmerk,
      from: 'noreply@politie.nl',
      messageId: '<goed@politie.nl>',
    });
  });

  it('reports a kenmerk mismatch between subject and form, and a non-form, with exit 1', async () => {
    const mail = await eml('anders', 'melding niet acute zorg met registratiekenmerk PL9999-2024000001', PDF);
    const { code, lines, stdout } = await runCli(mail, path.join(ROOT, 'package.json'));
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(lines[0]).toMatchObject({ ok: false, errors: [{ field: 'kenmerk' }] });
    expect(lines[1]).toMatchObject({ ok: false, formulier: null, errors: [{ field: 'bestand' }] });
  });
});
