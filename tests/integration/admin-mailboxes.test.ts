/**
 * Mailbox administration against a real Dovecot, SMTP receiver and worker: editing with
 * write-only secrets, "verbinding testen" telling a wrong password from an unreachable host,
 * status and alerts, and parked messages offered again or marked handled.
 */
import { mailboxInputFrom } from '../../app/(dashboard)/beheer/mailboxen/form-input';
import { formToObject } from '../../lib/web/form-values';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditActor } from '../../lib/audit/audit';
import { decryptSecret } from '../../lib/secrets/crypto';
import { mailboxSecretContext } from '../../lib/secrets/secret-context';
import { closeParser } from '../../lib/form';
import { getKeyring } from '../../lib/secrets/keyring';
import { getMailboxForEdit } from '../../lib/mailbox/get-mailbox-for-edit';
import { listMailboxStatus } from '../../lib/mailbox/list-mailbox-status';
import { markParkedHandled } from '../../lib/ingest/mark-parked-handled';
import { retryOutgoingMail } from '../../lib/outbox/retry-outgoing-mail';
import { retryParkedMessage } from '../../lib/ingest/retry-parked-message';
import { setMailboxActive } from '../../lib/mailbox/set-mailbox-active';
import { testMailboxConnection } from '../../lib/mailbox/test-mailbox-connection';
import { updateMailbox, ZMailboxUpdate, type TMailboxUpdate } from '../../lib/mailbox/update-mailbox';
import { MAILBOX_USER, startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { freePort, waitFor } from '../support/processes';
import { putBytes } from '../../lib/bytes/put-bytes';

let env: TIngestEnv;
let beheerder: TAuditActor;
let medewerker: TAuditActor;
let tokenServer: Server;
const NEW_SECRET = 'Vervangen-Wachtwoord-Nooit-Tonen-91';

beforeAll(async () => {
  env = await startIngestEnv();
  const b = await env.t.db.user.create({ data: { email: 'beheerder@meldpunt.example', role: 'BEHEERDER' } });
  const m = await env.t.db.user.create({
    data: { email: 'medewerker@meldpunt.example', role: 'MEDEWERKER' },
  });
  beheerder = { id: b.id, label: b.email };
  medewerker = { id: m.id, label: m.email };
  // Microsoft's token endpoint as far as the test needs it: one valid client secret.
  tokenServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (new URLSearchParams(body).get('client_secret') === 'geldig-client-secret') {
        res.end(JSON.stringify({ access_token: 'token-zonder-mailboxrechten', expires_in: 3600 }));
        return;
      }
      res.statusCode = 401;
      res.end(
        JSON.stringify({
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        }),
      );
    });
  });
  await new Promise<void>((r) => tokenServer.listen(0, '127.0.0.1', r));
  process.env.MELDPOST_OAUTH_AUTHORITY = `http://127.0.0.1:${(tokenServer.address() as { port: number }).port}`;
});
afterAll(async () => {
  delete process.env.MELDPOST_OAUTH_AUTHORITY;
  tokenServer?.close();
  await env?.stop();
  await closeParser();
});

/** The form's view of the env's mailbox, as the edit page would post it back. */
function formOf(patch: Partial<TMailboxUpdate> = {}): TMailboxUpdate {
  const mailbox = env.mailbox;
  return {
    name: mailbox.name,
    imapHost: mailbox.imapHost,
    imapPort: mailbox.imapPort,
    imapTls: mailbox.imapTls as 'none',
    smtpHost: mailbox.smtpHost,
    smtpPort: mailbox.smtpPort,
    smtpTls: mailbox.smtpTls as 'none',
    authType: 'PASSWORD',
    username: mailbox.username,
    fromAddress: mailbox.fromAddress,
    signalRecipient: mailbox.signalRecipient,
    trustedDomains: mailbox.trustedDomains,
    authenticityPolicy: mailbox.authenticityPolicy,
    pollIntervalSec: 5,
    otherMailAction: mailbox.otherMailAction,
    secret: '',
    ...patch,
  };
}
const update = (patch: Partial<TMailboxUpdate>, actor = beheerder) =>
  updateMailbox({ db: env.t.db, ring: getKeyring(), actor, id: env.mailbox.id, input: formOf(patch) });
const test = () =>
  testMailboxConnection({
    db: env.t.db,
    ring: getKeyring(),
    actor: beheerder,
    id: env.mailbox.id,
    // A failed step is answered at this fixed moment (not the production 12 s): quick, yet ample for Dovecot.
    failedStepAnswerMs: 5000,
  });

describe('mailbox settings', () => {
  it('keeps the stored secret when the form leaves it empty, replaces it when given, and never returns or audits it', async () => {
    const before = await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } });
    const kept = await update({ pollIntervalSec: 10 });
    expect(kept).not.toHaveProperty('secretEnc');
    expect((await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } })).secretEnc).toBe(
      before.secretEnc,
    );

    const replaced = await update({ pollIntervalSec: 10, secret: NEW_SECRET });
    expect(JSON.stringify(replaced)).not.toContain(NEW_SECRET);
    const after = await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } });
    expect(after.secretEnc).not.toContain(NEW_SECRET);
    expect(decryptSecret(after.secretEnc, getKeyring(), mailboxSecretContext(env.mailbox.id))).toBe(
      NEW_SECRET,
    );
    const events = await env.t.db.auditEvent.findMany({
      where: { action: 'mailbox.update', objectId: env.mailbox.id },
    });
    expect(events.map((e) => e.details)).toEqual([
      { velden: 'pollIntervalSec', geheimVervangen: false },
      { velden: null, geheimVervangen: true },
    ]);
    expect(JSON.stringify(events.map((e) => ({ ...e, id: String(e.id) })))).not.toContain(NEW_SECRET);

    const view = await getMailboxForEdit({ db: env.t.db, actor: beheerder, id: env.mailbox.id });
    expect(view.mailbox.secretSet).toBe(true);
    expect(JSON.stringify(view)).not.toContain('secretEnc');
    expect(JSON.stringify(view)).not.toContain(NEW_SECRET);
  });

  it('sets the Sent folder from the form and clears it when the field is left empty', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(formOf({ pollIntervalSec: 10 })))
      form.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    form.set('sentFolder', '  Verzonden items ');
    expect(
      (
        await updateMailbox({
          db: env.t.db,
          ring: getKeyring(),
          actor: beheerder,
          id: env.mailbox.id,
          input: ZMailboxUpdate.parse(mailboxInputFrom(formToObject(form))),
        })
      ).sentFolder,
    ).toBe('Verzonden items');
    form.set('sentFolder', ' ');
    expect(
      (
        await updateMailbox({
          db: env.t.db,
          ring: getKeyring(),
          actor: beheerder,
          id: env.mailbox.id,
          input: ZMailboxUpdate.parse(mailboxInputFrom(formToObject(form))),
        })
      ).sentFolder,
    ).toBeNull();
  });

  it('refuses a medewerker even when called directly, and an OAuth2 mailbox without client id', async () => {
    await expect(update({ pollIntervalSec: 9 }, medewerker)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(update({ authType: 'OAUTH2_MICROSOFT', oauthTenantId: 'tenant' })).rejects.toThrow(
      /tenant-id en client-id/,
    );
    await expect(
      getMailboxForEdit({ db: env.t.db, actor: medewerker, id: env.mailbox.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('verbinding testen', () => {
  it('passes every step with the right password', async () => {
    await update({ secret: MAILBOX_USER.password });
    const checks = await test();
    expect(checks.map((c) => [c.step, c.ok])).toEqual([
      ['imap', true],
      ['folders', true],
      ['smtp', true],
    ]);
  });

  it('reports a wrong password and an unreachable host distinctly, in Dutch, without the secret', async () => {
    await update({ secret: NEW_SECRET });
    const wrong = await test();
    expect(wrong[0]).toMatchObject({ step: 'imap', ok: false });
    expect(wrong[0]!.message).toMatch(/gebruikersnaam of wachtwoord klopt niet/);
    expect(wrong[1]).toMatchObject({ step: 'folders', ok: null });

    await update({ secret: MAILBOX_USER.password, imapPort: await freePort() });
    const unreachable = await test();
    expect(unreachable[0]).toMatchObject({ step: 'imap', ok: false });
    expect(unreachable[0]!.message).toMatch(/Geen verbinding met de IMAP-server/);
    expect(unreachable[0]!.message).not.toMatch(/wachtwoord/);

    await update({ imapHost: 'imap.bestaat-niet.invalid', imapTls: 'tls', secret: MAILBOX_USER.password });
    expect((await test())[0]!.message).toMatch(/hostnaam van de IMAP-server bestaat niet/);
    expect(JSON.stringify([wrong, unreachable])).not.toContain(NEW_SECRET);
    const audited = await env.t.db.auditEvent.findMany({
      where: { action: 'mailbox.test' },
      orderBy: { id: 'asc' },
    });
    expect(audited.map((e) => e.outcome)).toEqual(['SUCCESS', 'FAILURE', 'FAILURE', 'FAILURE']);
    await update({
      imapHost: env.mailbox.imapHost,
      imapPort: env.mailbox.imapPort,
      secret: MAILBOX_USER.password,
    });
  });

  it('names the client secret when Microsoft refuses the OAuth2 token, and the app permissions when the mailbox refuses the token', async () => {
    await update({
      authType: 'OAUTH2_MICROSOFT',
      oauthTenantId: 'tenant-x',
      oauthClientId: 'client-x',
      secret: 'verlopen-client-secret',
    });
    const checks = await test();
    expect(checks[0]).toMatchObject({ step: 'oauth', ok: false });
    expect(checks[0]!.message).toMatch(/client secret: die klopt niet of is verlopen/);
    expect(checks.slice(1).every((c) => c.ok === null)).toBe(true);
    expect(JSON.stringify(checks)).not.toContain('verlopen-client-secret');
    await update({
      authType: 'OAUTH2_MICROSOFT',
      oauthTenantId: 'tenant-x',
      oauthClientId: 'client-x',
      secret: 'geldig-client-secret',
    });
    const refused = await test();
    expect(refused[0]).toMatchObject({ step: 'oauth', ok: true });
    // The token is fine, the mailbox refuses it: the app's permissions are the likely cause.
    expect(refused[1]).toMatchObject({ step: 'imap', ok: false });
    expect(refused[1]!.message).toMatch(/IMAP\.AccessAsApp/);
    await update({ authType: 'PASSWORD', secret: MAILBOX_USER.password });
  });
});

describe('status, alerts and parked messages', () => {
  it('raises alerts for a stale sync, parked messages and failed outgoing mail', async () => {
    const db = env.t.db;
    await db.mailbox.update({
      where: { id: env.mailbox.id },
      data: { lastSyncAt: new Date(Date.now() - 45 * 60_000) },
    });
    const raw = await meldingMail({ kenmerk: 'PL1300-2026000701' });
    const parked = await db.inboundMessage.create({
      data: {
        mailboxId: env.mailbox.id,
        uidValidity: 1n,
        uid: 9001n,
        sha256: 'a'.repeat(64),
        size: raw.length,
        rawHash: (await putBytes({ db, values: [raw] }))[0],
        subject: 'melding niet-acute zorg met PL1300-2026000701',
        receivedAt: new Date(),
        state: 'PARKED',
        attempts: 5,
        error: 'onverwachte fout',
        targetFolder: 'Fout',
        movedTo: 'Fout',
      },
    });
    const other = await db.inboundMessage.create({
      data: {
        mailboxId: env.mailbox.id,
        uidValidity: 1n,
        uid: 9002n,
        sha256: 'b'.repeat(64),
        size: 1,
        rawHash: (await putBytes({ db, values: [Buffer.from('x')] }))[0],
        receivedAt: new Date(),
        state: 'PARKED',
        movedTo: 'Fout',
      },
    });
    const failed = await db.outgoingMail.create({
      data: {
        mailboxId: env.mailbox.id,
        kind: 'ACCEPTATIESIGNAAL',
        recipient: 'signalen@politie-keten.example',
        subject: 'Acceptatiesignaal',
        body: 'x',
        messageId: '<mislukt@gemeente.example>',
        state: 'FAILED',
        attempts: 10,
        lastError: '550 mailbox unavailable',
      },
    });

    const [status] = await listMailboxStatus({ db, actor: beheerder });
    expect(status).toMatchObject({ parked: 2, failedOutgoing: 1 });
    expect(status!.alerts).toEqual(
      expect.arrayContaining(['niet_gesynchroniseerd', 'geparkeerd', 'uitgaand_mislukt']),
    );
    const view = await getMailboxForEdit({ db, actor: beheerder, id: env.mailbox.id });
    expect(view.parked.map((p) => p.id).sort()).toEqual([parked.id, other.id].sort());
    expect(view.failedOutgoing.map((f) => f.id)).toEqual([failed.id]);

    await expect(retryParkedMessage({ db, actor: medewerker, id: parked.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await markParkedHandled({ db, actor: beheerder, id: other.id });
    expect((await db.inboundMessage.findUniqueOrThrow({ where: { id: other.id } })).state).toBe('IGNORED');
    await expect(markParkedHandled({ db, actor: beheerder, id: other.id })).rejects.toMatchObject({
      code: 'not_found',
    });

    // Offered again: the worker processes it from the ledger although it is not in the inbox.
    await retryParkedMessage({ db, actor: beheerder, id: parked.id });
    await retryOutgoingMail({ db, actor: beheerder, id: failed.id });
    env.startWorker();
    const done = await waitFor(
      'retried message processed',
      async () => {
        const row = await db.inboundMessage.findUniqueOrThrow({ where: { id: parked.id } });
        return row.state === 'PROCESSED' && row;
      },
      30_000,
    );
    expect(done.meldingId).toBeTruthy();
    expect(await db.melding.count({ where: { kenmerk: 'PL1300-2026000701' } })).toBe(1);
    await waitFor(
      'failed mail sent again',
      async () => (await db.outgoingMail.findUniqueOrThrow({ where: { id: failed.id } })).state === 'SENT',
      20_000,
    );
    const [after] = await listMailboxStatus({ db, actor: beheerder });
    expect(after).toMatchObject({ parked: 0, failedOutgoing: 0 });
    expect(after!.alerts).not.toContain('niet_gesynchroniseerd');
    const actions = (
      await db.auditEvent.findMany({ where: { actorId: beheerder.id }, select: { action: true } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['bericht.afgehandeld', 'bericht.opnieuw', 'uitgaand.opnieuw']),
    );
  });

  it('disables a mailbox: the worker lets go of it', async () => {
    await waitFor(
      'held',
      async () => (await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } })).holder,
      10_000,
    );
    await setMailboxActive({ db: env.t.db, actor: beheerder, id: env.mailbox.id, active: false });
    await waitFor(
      'released',
      async () =>
        (await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } })).holder === null,
      10_000,
    );
    const [status] = await listMailboxStatus({ db: env.t.db, actor: beheerder });
    expect(status).toMatchObject({ active: false, holder: null });
    expect(status!.alerts).not.toContain('niet_gesynchroniseerd');
  });
});
