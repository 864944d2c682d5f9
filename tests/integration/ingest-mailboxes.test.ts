/**
 * Mailbox configuration takes effect without a restart, and a wrong password is a configuration
 * error shown on the mailbox — not a retry storm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../lib/secrets/crypto';
import { closeParser } from '../../lib/form';
import { getKeyring } from '../../lib/secrets/keyring';
import { MAILBOX_USER, startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { waitFor } from '../support/processes';

let env: TIngestEnv;
beforeAll(async () => {
  env = await startIngestEnv();
  await env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { active: false } });
  env.startWorker();
});
afterAll(async () => {
  await env.stop();
  await closeParser();
});

const mb = () => env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } });

describe('mailbox configuration at run time', () => {
  it('reports a wrong password on the mailbox and does not hammer the server', async () => {
    await env.t.db.mailbox.update({
      where: { id: env.mailbox.id },
      data: { active: true, secretEnc: encryptSecret('verkeerd', getKeyring()) },
    });
    await waitFor(
      'config error on the mailbox',
      async () => (await mb()).lastError?.includes('Inloggen op de mailbox mislukt'),
      20_000,
    );
    const first = (await mb()).lastErrorAt!;
    // Configuration errors wait (2 s in tests, 5 minutes by default) instead of retrying at once:
    // the next attempt's error comes no sooner than that.
    const next = await waitFor(
      'the next attempt',
      async () => {
        const at = (await mb()).lastErrorAt;
        return at && at.getTime() !== first.getTime() && at;
      },
      20_000,
    );
    expect(next.getTime() - first.getTime()).toBeGreaterThanOrEqual(1500);
    expect((await mb()).lastSyncAt).toBeNull();
  });

  it('picks up the corrected password at once and ingests', async () => {
    await env.t.db.mailbox.update({
      where: { id: env.mailbox.id },
      data: { secretEnc: encryptSecret(MAILBOX_USER.password, getKeyring()) },
    });
    await env.deliver(await meldingMail({ kenmerk: 'PL1300-2026010101' }));
    await waitFor('melding', async () => (await env.t.db.melding.count()) === 1, 20_000);
    expect((await mb()).holder).toMatch(/:\d+$/);
  });

  it('stops holding a disabled mailbox and leaves new mail alone', async () => {
    await env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { active: false } });
    await waitFor('released', async () => (await mb()).holder === null, 10_000);
    await env.deliver(await meldingMail({ kenmerk: 'PL1300-2026010102' }));
    await new Promise((r) => setTimeout(r, 2000));
    expect(await env.t.db.inboundMessage.count()).toBe(1);
    await env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { active: true } });
    await waitFor(
      'second melding after re-enabling',
      async () => (await env.t.db.melding.count()) === 2,
      20_000,
    );
  });
});
