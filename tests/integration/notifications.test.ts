/**
 * E-mail notifications through real Dovecot, PostgreSQL and SMTP: a medewerker and a beheerder who
 * opted in (audited) get one mail when new meldingen or work-queue items wait — counts and links
 * only, no kenmerk, name or subject — through the outbox; nothing again while nothing new arrives;
 * nothing for someone who did not opt in; a coordinator cannot opt in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { setMailNotifications } from '../../lib/users/set-mail-notifications';
import { startSupervisor, type TSupervisor } from '../../workers/supervisor';
import { notificationsLoop } from '../../workers/jobs/notifications';
import { composeRaw } from '../fixtures/mail/compose';
import { PEOPLE, sampleFormulier } from '../fixtures/generator/people';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { acting, seedUser, type TSeedUser } from '../support/melding-seed';
import { waitFor } from '../support/processes';

let env: TIngestEnv;
let notifier: TSupervisor | null = null;
let medewerker: TSeedUser;
let beheerder: TSeedUser;
let stille: TSeedUser;
let coordinator: TSeedUser;
const BASE = 'https://meldpost.gemeente.example/';

beforeAll(async () => {
  env = await startIngestEnv();
  env.startWorker();
  medewerker = await seedUser(env.t.db, 'MEDEWERKER');
  beheerder = await seedUser(env.t.db, 'BEHEERDER');
  stille = await seedUser(env.t.db, 'MEDEWERKER');
  coordinator = await seedUser(env.t.db, 'COORDINATOR');
});
afterAll(async () => {
  await notifier?.stop();
  await env.stop();
  await closeParser();
});

const kenmerk = () => `PL1300-2026${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
const mailsTo = (u: TSeedUser) => env.smtp.messages.filter((m) => m.envelope.to.includes(u.email));
const finishedRuns = () =>
  env.t.db.jobRun.count({ where: { job: 'notificaties', finishedAt: { not: null } } });

describe('e-mail notifications', () => {
  it('are off by default, turned on per user with an audit event, and refused for a coordinator', async () => {
    const row = await env.t.db.user.findUniqueOrThrow({ where: { id: medewerker.id } });
    expect(row.mailNotifications).toBe(false);
    for (const user of [medewerker, beheerder])
      await setMailNotifications({ ...acting(env.t.db, user), userId: user.id, enabled: true });
    await expect(
      setMailNotifications({ ...acting(env.t.db, coordinator), userId: coordinator.id, enabled: true }),
    ).rejects.toThrow(/medewerkers en beheerders/);
    expect(
      await env.t.db.auditEvent.count({
        where: { action: 'user.notificaties_aan', objectId: { in: [medewerker.id, beheerder.id] } },
      }),
    ).toBe(2);
  });

  it('sends one mail per opted-in user with counts and links only, and none while nothing new arrives', async () => {
    const k = kenmerk();
    const person = PEOPLE[1]!;
    const otherSubject = `Vraag over een buurtbewoner ${kenmerk()}`;
    await env.deliver(
      await meldingMail({ kenmerk: k, formulier: sampleFormulier({ kenmerk: k, betrokkene: person }) }),
    );
    await env.deliver(
      await composeRaw({ from: 'wijkteam@gemeente.example', subject: otherSubject, text: 'Zie bijlage' }),
    );
    await waitFor(
      'both decided',
      () => env.t.db.inboundMessage.count({ where: { outcome: { not: null } } }).then((n) => n === 2),
      30_000,
    );
    await env.settled();
    const before = env.smtp.messages.length;
    notifier = startSupervisor({
      db: env.t.db,
      heartbeatMs: 1000,
      restartDelayMs: 300,
      loops: [notificationsLoop({ db: env.t.db, everyMs: 1000, baseUrl: BASE })],
    });
    const [toMedewerker] = await waitFor(
      'mail to the medewerker',
      () => (mailsTo(medewerker).length ? mailsTo(medewerker) : null),
      30_000,
    );
    const [toBeheerder] = await waitFor(
      'mail to the beheerder',
      () => (mailsTo(beheerder).length ? mailsTo(beheerder) : null),
      30_000,
    );
    expect(toMedewerker!.text).toContain('- 1 nieuwe melding\n');
    expect(toMedewerker!.text).toContain('- 1 nieuw bericht in het postvak');
    expect(toMedewerker!.text).toContain(`${BASE}meldingen`);
    expect(toMedewerker!.text).toContain(`${BASE}postvak`);
    expect(toBeheerder!.text).not.toContain('nieuwe melding');
    expect(toBeheerder!.text).toContain('- 1 nieuw bericht in het postvak');
    for (const mail of [toMedewerker!, toBeheerder!]) {
      const whole = `${mail.subject}\n${mail.text}`;
      for (const secret of [k, person.achternaam!, person.bsn!, otherSubject, 'wijkteam@gemeente.example'])
        expect(whole).not.toContain(secret);
      expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    }
    // Two more runs with nothing new, and the outbox empty: still one mail each, none for the other user.
    const runs = await finishedRuns();
    await waitFor('two more runs', async () => (await finishedRuns()) >= runs + 2, 30_000);
    await env.settled();
    expect(mailsTo(medewerker)).toHaveLength(1);
    expect(mailsTo(beheerder)).toHaveLength(1);
    expect(mailsTo(stille)).toHaveLength(0);
    expect(env.smtp.messages.length).toBe(before + 2);
  });

  it('sends the next mail when something new arrives, and none after turning it off', async () => {
    await setMailNotifications({ ...acting(env.t.db, beheerder), userId: beheerder.id, enabled: false });
    const k = kenmerk();
    await env.deliver(await meldingMail({ kenmerk: k }));
    const mails = await waitFor(
      'second mail to the medewerker',
      () => (mailsTo(medewerker).length >= 2 ? mailsTo(medewerker) : null),
      30_000,
    );
    expect(mails[1]!.text).toContain('- 1 nieuwe melding\n');
    expect(mails[1]!.text).toContain('Nog niet opgepakt: 2 meldingen.');
    expect(mails[1]!.text).toContain('- 0 nieuwe berichten in het postvak');
    const runs = await finishedRuns();
    await waitFor('another run', async () => (await finishedRuns()) >= runs + 1, 30_000);
    await env.settled();
    expect(mailsTo(beheerder)).toHaveLength(1);
    expect(
      await env.t.db.auditEvent.count({ where: { action: 'user.notificaties_uit', objectId: beheerder.id } }),
    ).toBe(1);
  });
});
