/**
 * The audit viewer's search on a real database: by user, melding, person (BSN or name + birth
 * date, through the pseudonymous key), action and period; chronological views; the CSV export,
 * which is itself audited and never records the person searched for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, personKey, type TAuditActor } from '../../lib/audit/audit';
import { exportAuditEvents } from '../../lib/audit/export-audit-events';
import { searchAuditEvents } from '../../lib/audit/search-audit-events';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
let beheerder: TAuditActor;
let medewerker: TAuditActor;
const BSN = '111222333';
const melding = '5b8f6a52-8d1e-4c7a-9f0e-1a2b3c4d5e6f';

beforeAll(async () => {
  t = await createTestDb();
  const b = await t.db.user.create({ data: { email: 'beheerder@meldpunt.example', role: 'BEHEERDER' } });
  const m = await t.db.user.create({
    data: { email: 'mia.medewerker@meldpunt.example', role: 'MEDEWERKER' },
  });
  beheerder = { id: b.id, label: b.email };
  medewerker = { id: m.id, label: m.email };
  const byBsn = personKey({ bsn: BSN });
  const byName = personKey({ achternaam: 'Proefstra', geboortedatum: '1980-02-29' });
  await audit(t.db, {
    actor: medewerker,
    action: 'melding.inzien',
    objectType: 'melding',
    objectId: melding,
    personKey: byBsn,
  });
  await audit(t.db, {
    actor: medewerker,
    action: 'melding.status',
    objectType: 'melding',
    objectId: melding,
    personKey: byBsn,
  });
  await audit(t.db, {
    actor: beheerder,
    action: 'melding.inzien',
    objectType: 'melding',
    objectId: 'ander-id',
    personKey: byName,
  });
  await audit(t.db, { actor: beheerder, action: 'mailbox.update', objectType: 'mailbox', objectId: 'mb' });
  // An old event, for the period filter (the log is append-only: insert with its time).
  await t.db.auditEvent.create({
    data: {
      at: new Date('2025-01-15T12:00:00Z'),
      actorId: medewerker.id,
      actorLabel: medewerker.label,
      action: 'melding.inzien',
      objectType: 'melding',
      objectId: melding,
      personKey: byBsn,
    },
  });
});
afterAll(async () => {
  await t?.drop();
});

const search = (filter: Parameters<typeof searchAuditEvents>[0]['filter']) =>
  searchAuditEvents({ db: t.db, actor: beheerder, filter });

describe('audit log search', () => {
  it('filters by user (id or part of the label), melding, action and period', async () => {
    expect((await search({ user: medewerker.id! })).total).toBe(3);
    expect((await search({ user: 'MIA.medew' })).total).toBe(3);
    expect((await search({ melding })).events.map((e) => e.action)).toEqual([
      'melding.status',
      'melding.inzien',
      'melding.inzien',
    ]);
    expect((await search({ action: 'mailbox.' })).total).toBe(1);
    expect(
      (await search({ melding, from: '2025-01-01', to: '2025-01-31' })).events.map((e) => e.at.toISOString()),
    ).toEqual(['2025-01-15T12:00:00.000Z']);
    expect((await search({ melding, from: '2026-01-01' })).total).toBe(2);
  });

  it('finds a person by BSN or by surname and birth date, and shows their history chronologically', async () => {
    const byBsn = await search({ bsn: BSN, order: 'asc' });
    expect(byBsn.personFilter).toBe(true);
    expect(byBsn.events.map((e) => e.at.getTime())).toEqual(
      [...byBsn.events.map((e) => e.at.getTime())].sort((a, b) => a - b),
    );
    expect(byBsn.total).toBe(3);
    const byName = await search({ achternaam: ' proefstra', geboortedatum: '1980-02-29' });
    expect(byName.events.map((e) => e.objectId)).toEqual(['ander-id']);
    expect((await search({ bsn: '999999999' })).total).toBe(0);
    await expect(search({ bsn: '12' })).rejects.toThrow(/9 cijfers/);
  });

  it('is for beheerders only', async () => {
    await expect(searchAuditEvents({ db: t.db, actor: medewerker, filter: {} })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(exportAuditEvents({ db: t.db, actor: medewerker, filter: {} })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('exports the filtered log as CSV and audits the export without the BSN searched for', async () => {
    const csv = await exportAuditEvents({ db: t.db, actor: beheerder, filter: { bsn: BSN } });
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('"Tijdstip";"Gebruiker"');
    expect(lines[1]).toContain('"2025-01-15T12:00:00.000Z";"mia.medewerker@meldpunt.example"');
    expect(csv).not.toContain(BSN);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'audit.export' } });
    expect(event).toMatchObject({
      actorId: beheerder.id,
      personKey: personKey({ bsn: BSN }),
      details: { rijen: 3, filters: 'bsn' },
    });
    expect(JSON.stringify(event.details)).not.toContain(BSN);
    // The export shows up in the log it exported from.
    expect((await search({ action: 'audit.export' })).total).toBe(1);
  });
});
