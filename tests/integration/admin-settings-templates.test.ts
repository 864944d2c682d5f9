/** Settings and mail templates: validated, stored, audited; the protocol's subjects cannot be changed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditActor } from '../../lib/audit/audit';
import { DEFAULT_MAIL_TEMPLATES } from '../../lib/mail/default-templates';
import { getMailTemplate } from '../../lib/settings/get-mail-template';
import { getSettings } from '../../lib/settings/get-settings';
import { updateMailTemplate } from '../../lib/settings/update-mail-template';
import { updateSettings } from '../../lib/settings/update-settings';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
let beheerder: TAuditActor;
let coordinator: TAuditActor;

beforeAll(async () => {
  t = await createTestDb();
  const b = await t.db.user.create({ data: { email: 'beheerder@meldpunt.example', role: 'BEHEERDER' } });
  const c = await t.db.user.create({ data: { email: 'coordinator@meldpunt.example', role: 'COORDINATOR' } });
  beheerder = { id: b.id, label: b.email };
  coordinator = { id: c.id, label: c.email };
});
afterAll(async () => {
  await t?.drop();
});

describe('settings', () => {
  it('stores only the keys given, validated, and audits what changed', async () => {
    await updateSettings({
      db: t.db,
      actor: beheerder,
      input: { meldpuntNaam: 'Meldpunt Zorg en Veiligheid', syncAlarmMinuten: 15 },
    });
    const s = await getSettings({ db: t.db });
    expect(s).toMatchObject({
      meldpuntNaam: 'Meldpunt Zorg en Veiligheid',
      syncAlarmMinuten: 15,
      werkdagenBeoordeling: 2,
    });
    expect(await t.db.setting.count()).toBe(2);
    expect(
      (await t.db.auditEvent.findFirstOrThrow({ where: { action: 'instellingen.wijzig' } })).details,
    ).toEqual({ meldpuntNaam: 'Meldpunt Zorg en Veiligheid', syncAlarmMinuten: 15 });
    await expect(
      updateSettings({ db: t.db, actor: beheerder, input: { syncAlarmMinuten: 1 } }),
    ).rejects.toThrow();
    await expect(
      updateSettings({ db: t.db, actor: beheerder, input: { onbekend: 1 } as never }),
    ).rejects.toThrow(/Onbekende instelling/);
    await expect(
      updateSettings({ db: t.db, actor: coordinator, input: { statistiekenVoorMedewerkers: true } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getSettings({ db: t.db })).syncAlarmMinuten).toBe(15);
  });
});

describe('mail templates', () => {
  it('keeps the protocol subject of aanvulling whatever is sent, and stores the body', async () => {
    await updateMailTemplate({
      db: t.db,
      actor: beheerder,
      input: {
        kind: 'AANVULLING',
        subject: 'Vraagje',
        body: 'Beste {behandelaar}, over {kenmerk}: graag meer informatie.',
      },
    });
    const tpl = await getMailTemplate({ db: t.db, kind: 'AANVULLING' });
    expect(tpl).toMatchObject({
      isDefault: false,
      subject: DEFAULT_MAIL_TEMPLATES.AANVULLING.subject,
      body: 'Beste {behandelaar}, over {kenmerk}: graag meer informatie.',
    });
    expect(tpl.subject).toMatch(/^Verzoek om aanvulling op melding niet-acute zorg met \{kenmerk\}$/);
  });

  it('lets the terugkoppeling subject change but not lose the kenmerk, and refuses unknown placeholders', async () => {
    await updateMailTemplate({
      db: t.db,
      actor: beheerder,
      input: {
        kind: 'TERUGKOPPELING',
        subject: 'Uw melding {kenmerk} is opgepakt',
        body: 'Groet, {meldpuntNaam}',
      },
    });
    expect((await getMailTemplate({ db: t.db, kind: 'TERUGKOPPELING' })).subject).toBe(
      'Uw melding {kenmerk} is opgepakt',
    );
    await expect(
      updateMailTemplate({
        db: t.db,
        actor: beheerder,
        input: { kind: 'TERUGKOPPELING', subject: 'Opgepakt', body: 'x' },
      }),
    ).rejects.toThrow(/\{kenmerk\}/);
    await expect(
      updateMailTemplate({
        db: t.db,
        actor: beheerder,
        input: { kind: 'NIET_IN_BEHANDELING', body: 'Beste {naamBetrokkene}' },
      }),
    ).rejects.toThrow(/Onbekende invulvelden: \{naamBetrokkene\}/);
    await expect(
      updateMailTemplate({ db: t.db, actor: coordinator, input: { kind: 'NIET_IN_BEHANDELING', body: 'x' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await t.db.auditEvent.count({ where: { action: 'sjabloon.wijzig' } })).toBe(2);
  });
});
