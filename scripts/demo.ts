/**
 * `npm run demo`: the whole chain on one machine. Starts meldpost as `npm start` does (data in
 * ./data-demo unless MELDPOST_DATA_DIR says otherwise), a private Dovecot as the meldpunt's
 * mailbox, an SMTP receiver standing in for the police (it prints every signal and mail it gets),
 * and a simulated police sender that delivers a fictitious melding every few seconds: both form
 * versions, Word and form-field PDFs, and now and then one with a fault (foutmelding).
 * Ctrl-C stops everything it started. All people, officers and kenmerken are invented.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generate } from 'otplib';
import { hashPassword } from '../lib/auth/password';
import { newTotpSecret, TOTP_PERIOD_SEC, totpUri } from '../lib/auth/totp';
import path from 'node:path';
import { encryptSecret } from '../lib/secrets/crypto';
import { createDb, type TDb } from '../lib/db/client';
import { applyLocalSecrets, readRuntime } from '../lib/db/local-instance';
import { getKeyring } from '../lib/secrets/keyring';
import { sleep } from '../lib/sleep';
import { renderAcroformPdf } from '../tests/fixtures/generator/acroform';
import { renderDocx } from '../tests/fixtures/generator/docx';
import { OFFICERS, PEOPLE, sampleFormulier } from '../tests/fixtures/generator/people';
import { renderPdf } from '../tests/fixtures/generator/pdf';
import { composeRaw } from '../tests/fixtures/mail/compose';
import { startDovecot } from '../tests/support/dovecot';
import { startSmtpReceiver } from '../tests/support/smtp-receiver';
import { ROOT } from './web-build';

const dataDir = (process.env.MELDPOST_DATA_DIR ||= path.join(ROOT, 'data-demo'));
const intervalMs = Number(process.env.DEMO_INTERVAL_SEC ?? 6) * 1000;
const MAILBOX = { user: 'meldpunt', password: randomBytes(12).toString('base64url') };
const say = (line: string) => process.stdout.write(`[demo] ${line}\n`);

type TVariant = {
  label: string;
  attachment: (kenmerk: string, n: number) => Promise<{ filename: string; content: Buffer }>;
  subjectKenmerk?: (k: string) => string;
};

const formFor = (kenmerk: string, n: number, version: '1.3' | '2.0' = '2.0') =>
  sampleFormulier({
    kenmerk,
    betrokkene: PEOPLE[n % PEOPLE.length]!,
    behandelaar: OFFICERS[n % OFFICERS.length]!,
    telefonischContactGewenst: n % 3 === 0 ? 'ja' : 'nee',
    // The v1.3 form has no Veilig Thuis question.
    veiligThuisGemeld: version === '1.3' ? null : n % 5 === 0 ? 'ja' : 'nee',
  });
const pdf = (bytes: Uint8Array, kenmerk: string) => ({
  filename: `meldformulier-${kenmerk}.pdf`,
  content: Buffer.from(bytes),
});

const VARIANTS: TVariant[] = [
  { label: 'formulier v2.0 (PDF)', attachment: async (k, n) => pdf(await renderPdf(formFor(k, n)), k) },
  {
    label: 'formulier v1.3 (PDF)',
    attachment: async (k, n) => pdf(await renderPdf(formFor(k, n, '1.3'), { version: '1.3' }), k),
  },
  {
    label: 'formulier v2.0 (Word)',
    attachment: async (k, n) => ({
      filename: `meldformulier-${k}.docx`,
      content: Buffer.from(await renderDocx(formFor(k, n))),
    }),
  },
  {
    label: 'formulier met formuliervelden (PDF)',
    attachment: async (k, n) => pdf(await renderAcroformPdf(formFor(k, n)), k),
  },
  { label: 'formulier v2.0 (PDF)', attachment: async (k, n) => pdf(await renderPdf(formFor(k, n)), k) },
  {
    label: 'fout: reden aanmelding ontbreekt',
    attachment: async (k, n) => pdf(await renderPdf({ ...formFor(k, n), redenAanmelding: null }), k),
  },
  {
    label: 'formulier v1.3 (PDF)',
    attachment: async (k, n) => pdf(await renderPdf(formFor(k, n, '1.3'), { version: '1.3' }), k),
  },
  {
    label: 'fout: kenmerk in onderwerp wijkt af van formulier',
    attachment: async (k, n) => pdf(await renderPdf(formFor(k, n)), k),
    subjectKenmerk: (k) => k.replace('-2026', '-2025'),
  },
];

/** The mailbox row, pointing at this run's Dovecot and SMTP receiver (their ports change per run). */
async function configureMailbox(
  db: TDb,
  imap: { host: string; port: number },
  smtp: { host: string; port: number },
) {
  const data = {
    imapHost: imap.host,
    imapPort: imap.port,
    imapTls: 'none',
    smtpHost: smtp.host,
    smtpPort: smtp.port,
    smtpTls: 'none',
    username: MAILBOX.user,
    secretEnc: encryptSecret(MAILBOX.password, getKeyring()),
    active: true,
    fromAddress: 'meldpunt@demo-gemeente.example',
    signalRecipient: 'signalen@politie-keten.example',
    trustedDomains: ['politie.nl'],
    authenticityPolicy: 'MONITOR' as const,
    pollIntervalSec: 5,
  };
  await db.mailbox.upsert({
    where: { name: 'Demo-meldpunt' },
    create: { name: 'Demo-meldpunt', ...data },
    update: data,
  });
  // The meldpunt's own name and (fictitious) phone number, which every mail to the officer carries.
  for (const [key, value] of [
    ['meldpuntNaam', 'Demo-meldpunt niet-acute zorg'],
    ['meldpuntTelefoon', '0900-0000000'],
  ] as const)
    await db.setting.upsert({ where: { key }, create: { key, value }, update: {} });
}

const DEMO_USER_EMAIL = 'medewerker@demo-meldpunt.example';

/**
 * A medewerker to look at the meldingen with, its second factor already enrolled: the demo prints
 * the password and, every 30 seconds, the current TOTP code (or add the otpauth URI to an app).
 * Kept in the data dir, so the same account works on the next demo run. Demo data only.
 */
async function ensureDemoMedewerker(db: TDb): Promise<{ password: string; totpSecret: string }> {
  const file = path.join(dataDir, 'demo-medewerker.json');
  const known = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { password: string; totpSecret: string })
    : null;
  if (known && (await db.user.findUnique({ where: { email: DEMO_USER_EMAIL } }))) return known;
  const account = { password: randomBytes(12).toString('base64url'), totpSecret: newTotpSecret() };
  const data = {
    name: 'Demo Medewerker',
    role: 'MEDEWERKER' as const,
    active: true,
    mustChangePassword: false,
    passwordHash: await hashPassword(account.password),
    mfaSecretEnc: encryptSecret(account.totpSecret, getKeyring()),
    mfaEnrolledAt: new Date(),
  };
  await db.user.upsert({
    where: { email: DEMO_USER_EMAIL },
    create: { email: DEMO_USER_EMAIL, ...data },
    update: data,
  });
  writeFileSync(file, JSON.stringify(account), { mode: 0o600 });
  return account;
}

async function waitForRuntime(child: ChildProcess): Promise<{ databaseUrl: string; webUrl: string }> {
  for (;;) {
    if (child.exitCode !== null)
      throw new Error('meldpost stopte tijdens het starten (zie de meldingen hierboven)');
    const rt = existsSync(path.join(dataDir, 'runtime.json')) ? readRuntime(dataDir) : null;
    const databaseUrl = process.env.DATABASE_URL ?? rt?.databaseUrl;
    if (rt && rt.supervisorPid === child.pid && databaseUrl && Object.keys(rt.children).length === 2)
      return { databaseUrl, webUrl: rt.webUrl };
    await sleep(500);
  }
}

let stop: (code: number) => Promise<void> = async (code) => process.exit(code);

async function main() {
  applyLocalSecrets(dataDir);
  say('Dovecot (de mailbox van het meldpunt) en een SMTP-ontvanger (de politie) starten…');
  const dovecot = await startDovecot({ users: [MAILBOX] });
  const smtp = await startSmtpReceiver();
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'scripts/start.ts')],
    { cwd: ROOT, stdio: 'inherit', env: process.env },
  );
  let stopping = false;
  stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('Stoppen…');
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await smtp.stop();
    await dovecot.stop();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop(0));
  child.once('exit', (code) => void stop(code ?? 1));

  const { databaseUrl, webUrl } = await waitForRuntime(child);
  process.env.DATABASE_URL = databaseUrl;
  const db = createDb(databaseUrl, 2);
  await configureMailbox(db, dovecot, smtp);
  say(
    `Mailbox "Demo-meldpunt" ingesteld (IMAP ${dovecot.host}:${dovecot.port}). Elke ${intervalMs / 1000} s komt er een melding binnen.`,
  );
  const demoUser = await ensureDemoMedewerker(db);
  say(
    `Open ${webUrl} — de meldingen verschijnen in het overzicht; signalen aan de politie verschijnen hieronder.`,
  );
  say(
    `Inloggen als medewerker: ${DEMO_USER_EMAIL} / ${demoUser.password}; de 2FA-code staat hieronder (elke 30 s nieuw),`,
  );
  say(`of voeg deze toe aan een authenticator-app: ${totpUri(demoUser.totpSecret, DEMO_USER_EMAIL)}`);
  let lastStep = -1;
  setInterval(() => {
    const step = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SEC);
    if (step === lastStep) return;
    lastStep = step;
    void generate({ secret: demoUser.totpSecret, epoch: step * TOTP_PERIOD_SEC }).then((code) =>
      say(`2FA-code medewerker: ${code}`),
    );
  }, 1000).unref();

  let seen = 0;
  setInterval(() => {
    for (const mail of smtp.messages.slice(seen))
      say(`politie ontving: "${mail.subject}" → ${mail.envelope.to.join(', ')}`);
    seen = smtp.messages.length;
  }, 1000).unref();

  // Kenmerken unique across demo runs: numbered on from the clock at start.
  const first = Math.floor(Date.now() / 1000) % 900_000;
  for (let n = 0; !stopping; n++) {
    const variant = VARIANTS[n % VARIANTS.length]!;
    const kenmerk = `PL1300-2026${String(first + n).padStart(6, '0')}`;
    const attachment = await variant.attachment(kenmerk, n);
    const raw = await composeRaw({
      subject: `melding niet-acute zorg met ${variant.subjectKenmerk?.(kenmerk) ?? kenmerk}`,
      text: 'Zie de bijlage.',
      attachments: [attachment],
    });
    await dovecot.appendRaw(MAILBOX.user, 'INBOX', raw);
    say(`melding ${kenmerk} verstuurd: ${variant.label}`);
    await sleep(intervalMs);
  }
}

main().catch(async (err: unknown) => {
  process.stderr.write(`[demo] ${err instanceof Error ? err.message : String(err)}\n`);
  await stop(1);
});
