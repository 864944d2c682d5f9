import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '../../lib/secrets/crypto';
import { mailboxSecretContext } from '../../lib/secrets/secret-context';
import { getKeyring } from '../../lib/secrets/keyring';
import { createTestDb, type TTestDb } from '../support/db';
import { runCli } from '../support/cli';

const SECRET = 'Mailbox-Wachtwoord-Niet-Loggen-77';
let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(t.url, args, { LOG_LEVEL: 'debug', ...env });

describe('cli mailbox add', () => {
  it('creates a mailbox from flags and environment variables, the secret encrypted and never printed', async () => {
    const res = cli(
      [
        'mailbox',
        'add',
        '--name',
        'Meldpunt Zuid',
        '--imap-host',
        'imap.gemeente.example',
        '--smtp-host',
        'smtp.gemeente.example',
        '--policy',
        'monitor',
      ],
      {
        MELDPOST_MAILBOX_SECRET: SECRET,
        MELDPOST_MAILBOX_USERNAME: 'meldpunt@gemeente.example',
        MELDPOST_MAILBOX_FROM: 'meldpunt@gemeente.example',
        MELDPOST_MAILBOX_SIGNAL_RECIPIENT: 'signalen@politie.example',
        MELDPOST_MAILBOX_TRUSTED_DOMAINS: 'politie.nl,Politie.example',
      },
    );
    expect(res.stderr).not.toContain(SECRET);
    expect(res.status).toBe(0);
    expect(res.stdout).not.toContain(SECRET);
    const out = JSON.parse(res.stdout) as {
      id: string;
      trustedDomains: string[];
      authenticityPolicy: string;
    };
    expect(out).toMatchObject({
      trustedDomains: ['politie.nl', 'politie.example'],
      authenticityPolicy: 'MONITOR',
    });
    const mb = await t.db.mailbox.findUniqueOrThrow({ where: { id: out.id } });
    expect(mb.secretEnc).not.toContain(SECRET);
    expect(decryptSecret(mb.secretEnc, getKeyring(), mailboxSecretContext(mb.id))).toBe(SECRET);
    expect(await t.db.auditEvent.count({ where: { action: 'mailbox.create', objectId: out.id } })).toBe(1);
  });

  it('refuses a missing secret and an OAuth2 mailbox without client id, in Dutch', () => {
    const base = [
      'mailbox',
      'add',
      '--name',
      'X',
      '--imap-host',
      'h',
      '--smtp-host',
      'h',
      '--username',
      'u',
      '--from',
      'a@b.nl',
      '--signal-recipient',
      'c@d.nl',
    ];
    const noSecret = cli(base);
    expect(noSecret.status).toBe(1);
    expect(noSecret.stderr).toContain('wachtwoord of client secret ontbreekt');
    const oauth = cli([...base, '--auth', 'oauth2-microsoft', '--tenant', 't'], {
      MELDPOST_MAILBOX_SECRET: 's',
    });
    expect(oauth.status).toBe(1);
    expect(oauth.stderr).toContain('OAuth2 vraagt om tenant-id en client-id');
  });
});
