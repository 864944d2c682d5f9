import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe('mailbox credentials in the database', () => {
  it('are stored encrypted: no column holds the secret, and it decrypts back', async () => {
    const secret = 'Imap-Wachtwoord-Zeer-Geheim-42';
    const mailbox = await t.db.mailbox.create({
      data: {
        name: 'test',
        imapHost: '127.0.0.1',
        smtpHost: '127.0.0.1',
        username: 'meldpunt',
        secretEnc: encryptSecret(secret, getKeyring()),
        fromAddress: 'meldpunt@gemeente.example',
        signalRecipient: 'signalen@politie.example',
      },
    });
    const rows = await t.db.$queryRaw<{ row: string }[]>`SELECT row_to_json(m)::text AS row FROM "Mailbox" m`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(secret);
    expect(rows[0]!.row).not.toContain(Buffer.from(secret).toString('base64'));
    expect(decryptSecret(mailbox.secretEnc, getKeyring())).toBe(secret);
  });
});
