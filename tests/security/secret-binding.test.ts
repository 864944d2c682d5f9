/**
 * Attack: someone who can write to the database (a stolen backup restored elsewhere, an SQL
 * injection, a careless admin) but holds no encryption key copies one row's ciphertext into
 * another row. Before the fix every secret was sealed without context, so a mailbox password
 * copied into one's own user's TOTP secret was shown in plain text on the enrolment page, and a
 * mailbox secret copied to another mailbox was sent to that mailbox's (chosen) server. Now each
 * stored secret is bound to its row and purpose (AES-GCM additional data) and opens nowhere else;
 * `secrets rotate` converts values stored before the binding.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { startTotpEnrolment } from '../../lib/auth/start-totp-enrolment';
import { getMailboxLogin } from '../../lib/mailbox/credentials';
import { createMailbox, type TMailboxInput } from '../../lib/mailbox/create-mailbox';
import { encryptSecret, SecretDecryptError } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import { rotateSecrets } from '../../lib/secrets/rotate-secrets';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
const beheerder = SYSTEM_ACTOR('test');

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const mailboxInput = (name: string, secret: string) =>
  ({
    name,
    imapHost: 'imap.gemeente.example',
    imapPort: 993,
    imapTls: 'tls',
    smtpHost: 'smtp.gemeente.example',
    smtpPort: 465,
    smtpTls: 'tls',
    username: `${name}@gemeente.example`,
    secret,
    fromAddress: `${name}@gemeente.example`,
    signalRecipient: 'signalen@politie-keten.example',
  }) satisfies TMailboxInput;

const newMailbox = async (name: string, secret: string) => {
  const { id } = await createMailbox({
    db: t.db,
    ring: getKeyring(),
    actor: beheerder,
    input: mailboxInput(name, secret),
  });
  return t.db.mailbox.findUniqueOrThrow({ where: { id } });
};

/** A user half-way through sign-in, at TOTP enrolment (the page that shows the secret). */
async function userAtEnrolment(email: string) {
  const user = await t.db.user.create({ data: { email, role: 'MEDEWERKER', mustChangePassword: false } });
  const session = await t.db.session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { user, sessionId: session.id };
}

describe('stored secrets bound to their row and purpose', () => {
  it('a mailbox secret copied to another mailbox does not decrypt there', async () => {
    const meldpunt = await newMailbox('meldpunt', 'Wachtwoord-Meldpunt-31');
    const tweede = await newMailbox('tweede', 'Wachtwoord-Tweede-32');
    expect(await getMailboxLogin(meldpunt, getKeyring())).toMatchObject({ pass: 'Wachtwoord-Meldpunt-31' });

    await t.db.mailbox.update({ where: { id: tweede.id }, data: { secretEnc: meldpunt.secretEnc } });
    const copied = await t.db.mailbox.findUniqueOrThrow({ where: { id: tweede.id } });
    await expect(getMailboxLogin(copied, getKeyring())).rejects.toThrow(SecretDecryptError);
  });

  it("a mailbox password copied into one's own TOTP secret is not shown on the enrolment page", async () => {
    const mailbox = await newMailbox('buitenpost', 'Wachtwoord-Buitenpost-33');
    const { user, sessionId } = await userAtEnrolment('nieuwsgierig@meldpunt.example');
    await t.db.user.update({ where: { id: user.id }, data: { mfaSecretEnc: mailbox.secretEnc } });
    await expect(startTotpEnrolment({ db: t.db, sessionId })).rejects.toThrow(SecretDecryptError);
  });

  it("another user's TOTP secret copied over does not open either", async () => {
    const a = await userAtEnrolment('a.de.boer@meldpunt.example');
    const b = await userAtEnrolment('b.jansen@meldpunt.example');
    const secretOfA = (await startTotpEnrolment({ db: t.db, sessionId: a.sessionId }))!.secret;
    const { mfaSecretEnc } = await t.db.user.findUniqueOrThrow({ where: { id: a.user.id } });
    expect(mfaSecretEnc).toMatch(/^v2:/);
    await t.db.user.update({ where: { id: b.user.id }, data: { mfaSecretEnc } });
    await expect(startTotpEnrolment({ db: t.db, sessionId: b.sessionId })).rejects.toThrow(
      SecretDecryptError,
    );
    expect((await startTotpEnrolment({ db: t.db, sessionId: a.sessionId }))!.secret).toBe(secretOfA);
  });

  it('secrets rotate converts values stored before the binding; a second run has nothing to do', async () => {
    const ring = getKeyring();
    // The rows of the tests above: bound already (the copied ones too, wherever they sit now).
    const bound =
      (await t.db.mailbox.count()) + (await t.db.user.count({ where: { mfaSecretEnc: { not: null } } }));
    // As stored before this change: v1, no context.
    const mailboxId = randomUUID();
    const { secret, ...fields } = mailboxInput('oud', 'Oud-Mailboxwachtwoord-34');
    await t.db.mailbox.create({ data: { ...fields, id: mailboxId, secretEnc: encryptSecret(secret, ring) } });
    const user = await t.db.user.create({
      data: {
        email: 'oud@meldpunt.example',
        role: 'MEDEWERKER',
        mfaSecretEnc: encryptSecret('JBSWY3DPEHPK3PXP', ring),
      },
    });
    const legacy = await t.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
    expect(legacy.secretEnc).toMatch(/^v1:/);
    // Still read until rotated.
    expect(await getMailboxLogin(legacy, ring)).toMatchObject({ pass: 'Oud-Mailboxwachtwoord-34' });

    expect(await rotateSecrets({ db: t.db, ring })).toEqual({
      mailboxes: 1,
      totpSecrets: 1,
      alreadyCurrent: bound,
    });
    const rotated = await t.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
    const rotatedUser = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(rotated.secretEnc).toMatch(/^v2:/);
    expect(rotatedUser.mfaSecretEnc).toMatch(/^v2:/);
    expect(await getMailboxLogin(rotated, ring)).toMatchObject({ pass: 'Oud-Mailboxwachtwoord-34' });

    // Once rotated, the value is bound: copied to the user row it no longer opens.
    const session = await t.db.session.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect((await startTotpEnrolment({ db: t.db, sessionId: session.id }))!.secret).toBe('JBSWY3DPEHPK3PXP');
    await t.db.user.update({ where: { id: user.id }, data: { mfaSecretEnc: rotated.secretEnc } });
    await expect(startTotpEnrolment({ db: t.db, sessionId: session.id })).rejects.toThrow(SecretDecryptError);
    await t.db.user.update({ where: { id: user.id }, data: { mfaSecretEnc: rotatedUser.mfaSecretEnc } });

    expect(await rotateSecrets({ db: t.db, ring })).toEqual({
      mailboxes: 0,
      totpSecrets: 0,
      alreadyCurrent: bound + 2,
    });
  });
});
