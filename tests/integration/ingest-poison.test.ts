/**
 * A message whose processing fails every time (here: the database refuses its melding, through a
 * real trigger) is retried, then parked in the error folder after INGEST_MAX_ATTEMPTS; it never
 * blocks the meldingen behind it, and no signal goes out for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meldingMail } from '../support/melding-mail';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { waitFor } from '../support/processes';

const POISON = 'PL1300-2026400001';
let env: TIngestEnv;

beforeAll(async () => {
  env = await startIngestEnv();
  await env.t.db.$executeRawUnsafe(`
    CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.kenmerk = '${POISON}' THEN RAISE EXCEPTION 'testfout: deze melding wordt geweigerd'; END IF;
      RETURN NEW;
    END $$`);
  await env.t.db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_poison BEFORE INSERT ON "Melding" FOR EACH ROW EXECUTE FUNCTION refuse_poison()`,
  );
});

afterAll(async () => {
  await env?.stop();
});

describe('a poison message', () => {
  it('is parked in the error folder after the maximum attempts while the next melding goes through', async () => {
    await env.deliver(await meldingMail({ kenmerk: POISON }));
    await env.deliver(await meldingMail({ kenmerk: 'PL1300-2026400002' }));
    env.startWorker();

    const parked = await waitFor(
      'the poison message parked and moved',
      async () => {
        const row = await env.t.db.inboundMessage.findFirst({ where: { subject: { contains: POISON } } });
        return row?.state === 'PARKED' && row.movedTo ? row : null;
      },
      60_000,
    );
    expect(parked.attempts).toBe(3); // ingest-env's maxAttempts
    expect(parked.error).toContain('testfout');
    expect(parked.movedTo).toBe(env.mailbox.errorFolder);
    expect(await env.folderUids(env.mailbox.errorFolder)).toHaveLength(1);

    const good = await waitFor(
      'the next melding recorded',
      () => env.t.db.melding.findFirst({ where: { kenmerk: 'PL1300-2026400002' } }),
      30_000,
    );
    expect(good.status).toBe('ONTVANGEN');
    await env.smtp.waitFor(1);
    expect(env.smtp.messages.map((m) => m.subject)).toEqual([
      `Acceptatiesignaal: melding niet-acute zorg met PL1300-2026400002`,
    ]);
    expect(await env.t.db.melding.count({ where: { kenmerk: POISON } })).toBe(0);
    const audit = await env.t.db.auditEvent.findFirst({
      where: { action: 'bericht.geparkeerd', objectId: parked.id },
    });
    expect(audit?.outcome).toBe('FAILURE');
  });
});
