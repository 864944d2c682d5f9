/**
 * `npm run --silent cli -- secrets rotate`: every mailbox and TOTP secret re-encrypted under the
 * new key while a running worker (holding both keys) keeps ingesting; nothing printed or logged
 * in the clear; a second run has nothing left to do; after rotation the old key can go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, keyId, keyringFrom, needsRotation } from '../../lib/secrets/crypto';
import { mailboxSecretContext, totpSecretContext } from '../../lib/secrets/secret-context';
import { closeParser } from '../../lib/form';
import { mailboxManagerLoop } from '../../workers/mailbox/manager';
import { outboxRelayLoop } from '../../workers/outbox/relay';
import { startSupervisor, type TSupervisor } from '../../workers/supervisor';
import { MAILBOX_USER, startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { waitFor } from '../support/processes';
import { runCli } from '../support/cli';

const OLD_KEY = Buffer.alloc(32, 7).toString('base64');
const NEW_KEY = Buffer.alloc(32, 42).toString('base64');
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
let env: TIngestEnv;
let worker: TSupervisor;

beforeAll(async () => {
  env = await startIngestEnv();
  await env.t.db.user.create({
    data: {
      email: 'mfa@meldpunt.example',
      role: 'MEDEWERKER',
      mfaSecretEnc: encryptSecret(TOTP_SECRET, keyringFrom(OLD_KEY)),
      mfaEnrolledAt: new Date(),
    },
  });
  // The worker as deployed for a rotation: new key current, old key still accepted.
  const ring = keyringFrom(NEW_KEY, [OLD_KEY]);
  const db = env.t.db;
  worker = startSupervisor({
    db,
    heartbeatMs: 1000,
    restartDelayMs: 300,
    loops: [
      mailboxManagerLoop({
        db,
        ring,
        config: {
          databaseUrl: env.t.url,
          scanMs: 200,
          retryBaseMs: 300,
          configErrorRetryMs: 2000,
          maxAttempts: 3,
          maxCrashes: 3,
          fetchBatchBytes: 32 * 1024 * 1024,
        },
      }),
      outboxRelayLoop({
        db,
        ring,
        config: { databaseUrl: env.t.url, baseMs: 300, maxMs: 2000, maxAttempts: 50, pollMs: 500 },
      }),
    ],
  });
});
afterAll(async () => {
  await worker?.stop();
  await env?.stop();
  await closeParser();
});

const rotate = (env2: Record<string, string>) =>
  runCli(env.t.url, ['secrets', 'rotate'], { LOG_LEVEL: 'debug', ...env2 });

async function ingests(kenmerk: string) {
  await env.deliver(await meldingMail({ kenmerk }));
  await waitFor(
    `melding ${kenmerk}`,
    async () => (await env.t.db.melding.count({ where: { kenmerk } })) === 1,
    30_000,
  );
  await waitFor(
    `signal for ${kenmerk}`,
    () => env.smtp.messages.some((m) => m.subject?.includes(kenmerk)),
    20_000,
  );
}

describe('cli secrets rotate', () => {
  it('re-encrypts every secret under the new key while the worker keeps working', async () => {
    await ingests('PL1300-2026000801');
    const res = rotate({ MELDPOST_ENCRYPTION_KEY: NEW_KEY, MELDPOST_OLD_ENCRYPTION_KEYS: OLD_KEY });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ mailboxes: 1, totpSecrets: 1, alreadyCurrent: 0 });
    for (const out of [res.stdout, res.stderr]) expect(out).not.toContain(MAILBOX_USER.password);

    const newRing = keyringFrom(NEW_KEY);
    const mailbox = await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } });
    const user = await env.t.db.user.findFirstOrThrow({ where: { mfaSecretEnc: { not: null } } });
    expect(mailbox.secretEnc.split(':')[1]).toBe(keyId(newRing.current));
    expect(needsRotation(user.mfaSecretEnc!, newRing)).toBe(false);
    // Decryptable with the new key alone (the old key can now be removed), and bound to its row.
    expect(decryptSecret(mailbox.secretEnc, newRing, mailboxSecretContext(mailbox.id))).toBe(
      MAILBOX_USER.password,
    );
    expect(decryptSecret(user.mfaSecretEnc!, newRing, totpSecretContext(user.id))).toBe(TOTP_SECRET);
    expect(
      (await env.t.db.auditEvent.findFirstOrThrow({ where: { action: 'geheimen.roteer' } })).details,
    ).toEqual({ mailboxes: 1, totpSecrets: 1, alreadyCurrent: 0 });

    // The running worker picks up the re-encrypted secret and keeps ingesting.
    await ingests('PL1300-2026000802');

    const again = rotate({ MELDPOST_ENCRYPTION_KEY: NEW_KEY, MELDPOST_OLD_ENCRYPTION_KEYS: OLD_KEY });
    expect(JSON.parse(again.stdout)).toEqual({ mailboxes: 0, totpSecrets: 0, alreadyCurrent: 2 });
  });

  it('fails in Dutch, changing nothing, when a secret cannot be decrypted with the keys given', async () => {
    const before = await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } });
    const res = rotate({ MELDPOST_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/Geen sleutel met id/);
    expect((await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } })).secretEnc).toBe(
      before.secretEnc,
    );
  });
});
