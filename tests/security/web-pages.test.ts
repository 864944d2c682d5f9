/**
 * Over HTTP against the real app:
 * - a coordinator opening a melding's page (`/meldingen/<id>`): before, the 404 left no trace;
 *   now the refusal is in the audit log.
 * - the original police PDF (which may carry JavaScript) is served only as a download
 *   (`Content-Disposition: attachment`), never shown inline in the staff's browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { seedMailbox, seedMelding } from '../support/melding-seed';
import { createUserWithTotp, signInHttp } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

let t: TTestDb;
let web: TWeb;
let melding: { id: string; attachmentId: string };

beforeAll(async () => {
  t = await createTestDb();
  const mailbox = await seedMailbox(t.db);
  const seeded = await seedMelding(t.db, { mailboxId: mailbox.id, withMail: true });
  const attachment = await t.db.attachment.findFirstOrThrow({ where: { meldingId: seeded.id } });
  melding = { id: seeded.id, attachmentId: attachment.id };
  web = await startWeb({ databaseUrl: t.url });
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await t?.drop();
});

describe('pages and files', () => {
  it('audits a coordinator refused a melding page', async () => {
    const coordinator = await createUserWithTotp(t.db, { role: 'COORDINATOR' });
    const cookie = await signInHttp(web.url, coordinator);
    const res = await fetch(`${web.url}/meldingen/${melding.id}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(res.status).toBe(404);
    const refused = await t.db.auditEvent.findMany({
      where: { action: 'pagina.geweigerd', actorId: coordinator.id, outcome: 'DENIED' },
    });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.details).toMatchObject({ rol: 'COORDINATOR' });
  });

  it('serves the original PDF as a download only', async () => {
    const medewerker = await createUserWithTotp(t.db, { role: 'MEDEWERKER' });
    const cookie = await signInHttp(web.url, medewerker);
    const res = await fetch(`${web.url}/meldingen/${melding.id}/bijlagen/${melding.attachmentId}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
  });
});
