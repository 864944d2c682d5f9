/**
 * Attack (on retention, by time): open the meldpunt's mailbox after a melding's retention term
 * and read what meldpost sent about it. Before the fix the retention job expunged the police's
 * original but left our copies in the Sent folder — the acceptatiesignaal with the kenmerk, an
 * aanvulling request, a forwarded form. Now they go too, found by the Message-ID we fixed when
 * queueing the mail, and the dry run counts them. Real worker, Dovecot and SMTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { closeParser } from '../../lib/form';
import { getKeyring } from '../../lib/secrets/keyring';
import { planRetention } from '../../lib/retention/plan-retention';
import { runRetention } from '../../lib/retention/run-retention';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { waitFor } from '../support/processes';

const SENT = 'Verzonden';
const EXPIRED = 'PL1300-2026420001';
const KEPT = 'PL1300-2026420002';
let env: TIngestEnv;

beforeAll(async () => {
  env = await startIngestEnv();
  await env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { sentFolder: SENT } });
  env.startWorker();
});

afterAll(async () => {
  await env?.stop();
  await closeParser();
});

const sentSubjects = async () =>
  (await env.folderMessages(SENT)).map((m) => /^Subject: (.*)$/m.exec(m.source.toString('latin1'))?.[1]);

describe('retention and our Sent-folder copies', () => {
  it('expunges the copies of what was sent about an expired melding, and counts them in the dry run', async () => {
    await env.deliver(await meldingMail({ kenmerk: EXPIRED }));
    await env.deliver(await meldingMail({ kenmerk: KEPT }));
    await waitFor(
      'both signals copied to the Sent folder',
      async () => (await sentSubjects()).length === 2,
      60_000,
    );

    const expired = await env.t.db.melding.findFirstOrThrow({ where: { kenmerk: EXPIRED } });
    const longAgo = new Date(Date.now() - 10 * 365 * 24 * 3600_000);
    await env.t.db.melding.update({
      where: { id: expired.id },
      data: { status: 'AFGEROND', uitkomst: 'TOEGELEID', receivedAt: longAgo, closedAt: longAgo },
    });

    const plan = await planRetention({ db: env.t.db });
    expect(plan.meldingen.map((m) => m.kenmerk)).toEqual([EXPIRED]);
    expect(plan.kopieenInVerzonden).toBe(1);

    await runRetention({ db: env.t.db, ring: getKeyring(), actor: SYSTEM_ACTOR('retention-test') });
    const left = await sentSubjects();
    expect(left).toHaveLength(1);
    expect(left[0]).toContain(KEPT);
    expect(left.join(' ')).not.toContain(EXPIRED);
    expect(await env.t.db.sentCopyExpunge.count()).toBe(0);
  }, 180_000);
});
