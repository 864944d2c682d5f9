import 'server-only';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { audit, type TAuditActor } from '../audit/audit';
import { decryptStoredSecret, type TKeyring } from '../secrets/crypto';
import { mailboxSecretContext } from '../secrets/secret-context';
import type { TDb } from '../db/client';
import { fetchOAuthToken, type TMailboxLogin } from './credentials';
import { explainConnectionError } from './explain-connection-error';
import { imapOptions, smtpOptions } from './transports';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';
import { errFields, getLogger } from '../log';
import { sleep } from '../sleep';

export type TConnectionCheck = {
  step: 'oauth' | 'imap' | 'folders' | 'smtp';
  label: string;
  ok: boolean | null;
  message: string;
};

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * A failed IMAP or SMTP step is answered this long after it started, never sooner and never
 * later: a refused port fails at once, a filtered one after the connect timeout, a TLS mismatch
 * somewhere in between. Answered at one fixed moment, the timing tells a beheerder probing
 * arbitrary hosts nothing the (identical) message does not. Longer than the connect timeout.
 */
export const FAILED_STEP_ANSWER_MS = 12_000;

const log = getLogger('mailbox');

/** The failure of a step whose server did not answer in time, reported like any unreachable host. */
class StepDeadline extends Error {
  readonly code = 'ETIMEDOUT';
}

/**
 * Runs a connection step so that a failure is answered exactly `answerMs` after the start: a
 * step still busy then counts as failed (its client closes on its own timeouts afterwards).
 */
async function atFixedMoment(
  answerMs: number,
  run: () => Promise<TConnectionCheck[]>,
  onDeadline: (err: Error) => TConnectionCheck[],
): Promise<TConnectionCheck[]> {
  const deadline = AbortSignal.timeout(answerMs);
  let settled = false;
  const late = new Promise<TConnectionCheck[] | null>((resolve) =>
    deadline.addEventListener(
      'abort',
      () => resolve(settled ? null : onDeadline(new StepDeadline('timed out'))),
      {
        once: true,
      },
    ),
  );
  const checks = (await Promise.race([run(), late]))!;
  settled = true;
  if (checks.some((c) => c.ok === false)) await sleep(answerMs, deadline);
  return checks;
}

/**
 * "Verbinding testen" for a saved mailbox: OAuth2 token (Microsoft 365 or Google Workspace), IMAP login, the folder
 * list, SMTP handshake. Each step says in plain Dutch what went wrong and why that is likely;
 * later steps are skipped when the login they need failed. Nothing is changed in the mailbox.
 */
export async function testMailboxConnection(opts: {
  db: TDb;
  ring: TKeyring;
  actor: TAuditActor;
  id: string;
  /** When a failed IMAP or SMTP step is answered (tests pass a short one). */
  failedStepAnswerMs?: number;
}): Promise<TConnectionCheck[]> {
  const answerMs = opts.failedStepAnswerMs ?? FAILED_STEP_ANSWER_MS;
  await requireBeheerder(opts.db, opts.actor);
  const mb = await opts.db.mailbox.findUnique({ where: { id: opts.id } });
  if (!mb) throw new AppError('not_found', 'Mailbox niet gevonden');
  const oauth = mb.authType !== 'PASSWORD';
  const google = mb.authType === 'OAUTH2_GOOGLE';
  const checks: TConnectionCheck[] = [];
  const secret = decryptStoredSecret(mb.secretEnc, opts.ring, mailboxSecretContext(mb.id));
  let login: TMailboxLogin | null = { user: mb.username, pass: secret };

  if (oauth) {
    try {
      const token = await fetchOAuthToken(mb, secret);
      login = { user: mb.username, accessToken: token.token };
      checks.push({
        step: 'oauth',
        label: 'OAuth2-token ophalen',
        ok: true,
        message: `Token ontvangen van ${google ? 'Google' : 'Microsoft'}.`,
      });
    } catch (err) {
      login = null;
      checks.push({
        step: 'oauth',
        label: 'OAuth2-token ophalen',
        ok: false,
        message: explainConnectionError('oauth', err, { oauth, google }),
      });
    }
  }

  if (!login) {
    checks.push({
      step: 'imap',
      label: 'Aanmelden bij IMAP',
      ok: null,
      message: 'Overgeslagen: geen token.',
    });
    checks.push({ step: 'folders', label: 'Mappen', ok: null, message: 'Overgeslagen: geen token.' });
    checks.push({ step: 'smtp', label: 'SMTP-verbinding', ok: null, message: 'Overgeslagen: geen token.' });
  } else {
    const kind = { oauth, google };
    // Side by side, each answered at its fixed moment when it fails.
    const [imap, smtp] = await Promise.all([
      atFixedMoment(
        answerMs,
        () => checkImap(mb, login!, kind),
        (err) => imapFailed(mb, err, kind),
      ),
      atFixedMoment(
        answerMs,
        async () => [await checkSmtp(mb, login!, kind)],
        (err) => [smtpFailed(mb, err, kind)],
      ),
    ]);
    checks.push(...imap, ...smtp);
  }
  const ok = checks.every((c) => c.ok !== false);
  await audit(opts.db, {
    actor: opts.actor,
    action: 'mailbox.test',
    objectType: 'mailbox',
    objectId: mb.id,
    outcome: ok ? 'SUCCESS' : 'FAILURE',
    details: {
      mislukt:
        checks
          .filter((c) => c.ok === false)
          .map((c) => c.step)
          .join(',') || null,
    },
  });
  return checks;
}

async function checkImap(
  mailbox: Parameters<typeof imapOptions>[0],
  login: TMailboxLogin,
  kind: { oauth: boolean; google: boolean },
): Promise<TConnectionCheck[]> {
  const client = new ImapFlow({ ...imapOptions(mailbox, login), ...TIMEOUTS });
  // imapflow also emits connection errors as events; the awaited call below reports them.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    return imapFailed(mailbox, err, kind);
  }
  const result: TConnectionCheck[] = [
    {
      step: 'imap',
      label: 'Aanmelden bij IMAP',
      ok: true,
      message: `Aangemeld op ${mailbox.imapHost}:${mailbox.imapPort}.`,
    },
  ];
  try {
    const paths = new Set((await client.list()).map((f) => f.path));
    const inboxOk = paths.has(mailbox.inboxFolder) || mailbox.inboxFolder.toUpperCase() === 'INBOX';
    const missing = [
      mailbox.processedFolder,
      mailbox.errorFolder,
      mailbox.otherFolder,
      mailbox.quarantineFolder,
      ...(mailbox.sentFolder ? [mailbox.sentFolder] : []),
    ].filter((f) => !paths.has(f));
    result.push(
      !inboxOk
        ? {
            step: 'folders',
            label: 'Mappen',
            ok: false,
            message: `De postvakmap "${mailbox.inboxFolder}" bestaat niet. Controleer de mapnaam.`,
          }
        : {
            step: 'folders',
            label: 'Mappen',
            ok: true,
            message: missing.length
              ? `${paths.size} mappen gevonden; ${missing.join(', ')} ontbreekt nog en wordt bij de eerste synchronisatie aangemaakt.`
              : `${paths.size} mappen gevonden, alle ingestelde mappen bestaan.`,
          },
    );
  } catch (err) {
    result.push({
      step: 'folders',
      label: 'Mappen',
      ok: false,
      message: `De mappenlijst kon niet worden opgehaald: ${explainConnectionError('imap', err, kind)}`,
    });
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

async function checkSmtp(
  mailbox: Parameters<typeof smtpOptions>[0],
  login: TMailboxLogin,
  kind: { oauth: boolean; google: boolean },
): Promise<TConnectionCheck> {
  const transport = nodemailer.createTransport({ ...smtpOptions(mailbox, login), ...TIMEOUTS });
  try {
    await transport.verify();
    return {
      step: 'smtp',
      label: 'SMTP-verbinding',
      ok: true,
      message: `Verbonden met ${mailbox.smtpHost}:${mailbox.smtpPort} en aangemeld.`,
    };
  } catch (err) {
    return smtpFailed(mailbox, err, kind);
  } finally {
    transport.close();
  }
}

/** The exact cause is for the operator's log; the beheerder gets the explanation. */
function logged(mailbox: { id: string }, step: 'imap' | 'smtp', err: unknown) {
  log.warn({
    msg: 'verbinding testen mislukt',
    code: 'mailbox_test_failed',
    mailbox: mailbox.id,
    step,
    err: errFields(err),
  });
}

function imapFailed(
  mailbox: { id: string },
  err: unknown,
  kind: { oauth: boolean; google: boolean },
): TConnectionCheck[] {
  logged(mailbox, 'imap', err);
  return [
    {
      step: 'imap',
      label: 'Aanmelden bij IMAP',
      ok: false,
      message: explainConnectionError('imap', err, kind),
    },
    { step: 'folders', label: 'Mappen', ok: null, message: 'Overgeslagen: niet aangemeld.' },
  ];
}

function smtpFailed(
  mailbox: { id: string },
  err: unknown,
  kind: { oauth: boolean; google: boolean },
): TConnectionCheck {
  logged(mailbox, 'smtp', err);
  return {
    step: 'smtp',
    label: 'SMTP-verbinding',
    ok: false,
    message: explainConnectionError('smtp', err, kind),
  };
}
