/**
 * Authorisation over HTTP against the real app: every dashboard page, the attachment route and
 * every triage server action, as each role and signed out. Only medewerkers reach meldingen;
 * coordinators and beheerders get a 404 (the page's existence is not revealed), signed-out users
 * go to /login; an id guessed by hand is a 404 even for a medewerker. Actions are posted the way
 * React posts them (Next-Action header, encodeReply body), ids from the build's manifest.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sourceHash } from '../../launcher/web-build';
import { createTestDb, type TTestDb } from '../support/db';
import { seedMailbox, seedMelding } from '../support/melding-seed';
import { createUserWithTotp, signInHttp, type TTestUser } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

type TRole = 'MEDEWERKER' | 'COORDINATOR' | 'BEHEERDER' | 'ANONIEM';
const ROLES: TRole[] = ['MEDEWERKER', 'COORDINATOR', 'BEHEERDER', 'ANONIEM'];

let t: TTestDb;
let web: TWeb;
let meldingId: string;
let attachmentId: string;
let buildHash: string;
const cookies = {} as Record<TRole, string>;
const users = {} as Record<Exclude<TRole, 'ANONIEM'>, TTestUser>;

beforeAll(async () => {
  t = await createTestDb();
  const mailbox = await seedMailbox(t.db);
  const m = await seedMelding(t.db, { mailboxId: mailbox.id });
  meldingId = m.id;
  attachmentId = (await t.db.attachment.findFirstOrThrow({ where: { meldingId } })).id;
  // The build directory startWeb serves (keyed on the sources, read just before it starts).
  buildHash = sourceHash();
  web = await startWeb({ databaseUrl: t.url });
  for (const role of ['MEDEWERKER', 'COORDINATOR', 'BEHEERDER'] as const) {
    users[role] = await createUserWithTotp(t.db, { role });
    cookies[role] = await signInHttp(web.url, users[role]);
  }
  cookies.ANONIEM = '';
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await t?.drop();
});

const get = (role: TRole, p: string) =>
  fetch(`${web.url}${p}`, { redirect: 'manual', headers: { cookie: cookies[role] } });

/** Expected outcome per role: 200, a redirect to a path, or 404 / 401. */
type TExpect = number | `→${string}`;
const PAGES: { label?: string; path: () => string; expect: Record<TRole, TExpect> }[] = [
  {
    path: () => '/',
    expect: {
      MEDEWERKER: '→/meldingen',
      COORDINATOR: '→/statistieken',
      BEHEERDER: '→/beheer',
      ANONIEM: '→/login',
    },
  },
  {
    path: () => '/meldingen',
    expect: { MEDEWERKER: 200, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: '→/login' },
  },
  {
    path: () => '/meldingen?q=Proefstra&badge=telefonisch',
    expect: { MEDEWERKER: 200, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: '→/login' },
  },
  {
    label: '/meldingen/:id',
    path: () => `/meldingen/${meldingId}`,
    expect: { MEDEWERKER: 200, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: '→/login' },
  },
  {
    label: '/meldingen/:guessed-id',
    path: () => `/meldingen/${randomUUID()}`,
    expect: { MEDEWERKER: 404, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: '→/login' },
  },
  {
    path: () => '/meldingen/niet-een-id',
    expect: { MEDEWERKER: 404, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: '→/login' },
  },
  {
    label: '/meldingen/:id/bijlagen/:id',
    path: () => `/meldingen/${meldingId}/bijlagen/${attachmentId}`,
    expect: { MEDEWERKER: 200, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: 401 },
  },
  {
    label: "/meldingen/:guessed-id/bijlagen/:id (another melding's attachment)",
    path: () => `/meldingen/${randomUUID()}/bijlagen/${attachmentId}`,
    expect: { MEDEWERKER: 404, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: 401 },
  },
  {
    path: () => '/meldingen/registreren',
    expect: { MEDEWERKER: 200, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: '→/login' },
  },
  {
    path: () => '/postvak',
    expect: { MEDEWERKER: 200, COORDINATOR: 404, BEHEERDER: 200, ANONIEM: '→/login' },
  },
  {
    label: '/postvak/:guessed-id',
    path: () => `/postvak/${randomUUID()}`,
    expect: { MEDEWERKER: 404, COORDINATOR: 404, BEHEERDER: 404, ANONIEM: '→/login' },
  },
  {
    path: () => '/statistieken',
    expect: { MEDEWERKER: 404, COORDINATOR: 200, BEHEERDER: 200, ANONIEM: '→/login' },
  },
  {
    path: () => '/beheer',
    expect: { MEDEWERKER: 404, COORDINATOR: 404, BEHEERDER: 200, ANONIEM: '→/login' },
  },
  {
    path: () => '/account',
    expect: { MEDEWERKER: 200, COORDINATOR: 200, BEHEERDER: 200, ANONIEM: '→/login' },
  },
];

async function outcome(res: Response): Promise<TExpect> {
  if (res.status >= 300 && res.status < 400)
    return `→${new URL(res.headers.get('location')!, web.url).pathname}`;
  return res.status;
}

describe('pages and routes by role', () => {
  for (const page of PAGES) {
    it(page.label ?? page.path(), async () => {
      const seen: Partial<Record<TRole, TExpect>> = {};
      for (const role of ROLES) seen[role] = await outcome(await get(role, page.path()));
      // Areas a role may enter may send it on to a sub-page of the same area.
      for (const role of ROLES)
        if (
          page.expect[role] === 200 &&
          typeof seen[role] === 'string' &&
          seen[role]!.startsWith(`→${page.path()}`)
        )
          seen[role] = 200;
      expect(seen).toEqual(page.expect);
    });
  }

  it('serves the original PDF only as a download (never inline: it may carry JavaScript) and audits it, and the refusal', async () => {
    const downloads = (outcome: 'SUCCESS' | 'DENIED') =>
      t.db.auditEvent.count({
        where: { objectId: meldingId, action: 'melding.bijlage_gedownload', outcome },
      });
    const [succeeded, denied] = [await downloads('SUCCESS'), await downloads('DENIED')];
    expect((await get('COORDINATOR', `/meldingen/${meldingId}/bijlagen/${attachmentId}`)).status).toBe(404);
    expect(await downloads('DENIED')).toBe(denied + 1);
    const res = await get('MEDEWERKER', `/meldingen/${meldingId}/bijlagen/${attachmentId}`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="meldformulier-.+\.pdf"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await downloads('SUCCESS')).toBe(succeeded + 1);
  });
});

describe('the menu by role', () => {
  const menuOf = async (role: TRole) => {
    const html = await (await get(role, '/account')).text();
    const nav = /<nav aria-label="Hoofdmenu"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    return [...nav.matchAll(/href="(\/[a-z]+)"/g)].map((m) => m[1]);
  };

  it('shows each role its own areas; statistics for medewerkers only when the setting says so', async () => {
    expect(await menuOf('MEDEWERKER')).toEqual(['/meldingen', '/postvak']);
    expect(await menuOf('COORDINATOR')).toEqual(['/statistieken']);
    expect(await menuOf('BEHEERDER')).toEqual(['/postvak', '/statistieken', '/beheer']);
    await t.db.setting.create({ data: { key: 'statistiekenVoorMedewerkers', value: true } });
    try {
      expect(await menuOf('MEDEWERKER')).toEqual(['/meldingen', '/postvak', '/statistieken']);
    } finally {
      await t.db.setting.delete({ where: { key: 'statistiekenVoorMedewerkers' } });
    }
  });
});

describe('server actions by role', () => {
  const manifest = () =>
    JSON.parse(
      readFileSync(path.join(ROOT, '.next-test', buildHash, 'server/server-reference-manifest.json'), 'utf8'),
    ) as { node: Record<string, { filename: string; exportedName: string }> };
  const actionId = (name: string) =>
    Object.entries(manifest().node).find(
      ([, v]) => v.filename.startsWith('app/(dashboard)/meldingen/[id]/') && v.exportedName === name,
    )![0];

  /** Posts like React's client (encodeReply) does: prevState null, then the form data as reference 1 (`_1_` fields). */
  async function callAction(
    role: TRole,
    name: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; text: string }> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(`_1_${k}`, v);
    // The root comes last, as in React's client: the server resolves it as soon as it streams in.
    body.set('0', JSON.stringify([null, '$K1']));
    const res = await fetch(`${web.url}/meldingen/${fields.meldingId}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies[role], 'next-action': actionId(name), accept: 'text/x-component' },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  const ACTIONS: [string, Record<string, string>][] = [
    ['assignAction', { assigneeId: '' }],
    ['assessAction', { uitkomst: 'GEEN_REDEN', prioriteit: 'LAAG', reden: 'Geen zorgen gezien.' }],
    ['noteAction', { text: 'Een notitie.' }],
    ['aanvullingAction', { body: 'Graag aanvullende informatie over deze melding.' }],
    ['resumeAction', {}],
    [
      'correctSectionAction',
      { field: 'betrokkene.plaats', 'orig:betrokkene.plaats': '', 'value:betrokkene.plaats': 'Elders' },
    ],
    ['closeAction', { uitkomst: 'DOORGESTUURD', loketAdvies: 'Meldpunt Elders' }],
    [
      'nietInBehandelingAction',
      {
        loketAdvies: 'Veilig Thuis',
        reden: 'Huiselijk geweld.',
        afstemmingAt: '2026-12-01T10:00',
        afstemmingWith: 'J. Testagent',
        afstemmingKanaal: 'TELEFOON',
        afstemmingOutcome: 'Besproken met de agent.',
        body: 'De melding is niet in behandeling genomen.',
      },
    ],
    [
      'doorsturenAction',
      { anderMeldpuntId: '00000000-0000-4000-8000-000000000000', reden: 'BUITEN_WERKGEBIED' },
    ],
    [
      'contactMomentAction',
      {
        at: '2026-12-01T10:00',
        withWhom: 'J. Testagent',
        kanaal: 'TELEFOON',
        outcome: 'Besproken met de agent.',
      },
    ],
    ['herinneringAction', {}],
    ['reopenAction', { reden: 'Nieuwe informatie van de politie.' }],
  ];

  const snapshot = async () => {
    const m = await t.db.melding.findUniqueOrThrow({
      where: { id: meldingId },
      include: { notes: true, beoordelingen: true, outgoing: true, statusChanges: true },
    });
    return JSON.stringify({ ...m, updatedAt: null });
  };

  it('coordinators, beheerders and signed-out callers change nothing with any action', async () => {
    const before = await snapshot();
    for (const role of ['COORDINATOR', 'BEHEERDER', 'ANONIEM'] as const) {
      for (const [name, fields] of ACTIONS) {
        const res = await callAction(role, name, { meldingId, ...fields });
        expect(res.text, `${role} ${name}`).not.toMatch(/"ok":true/);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('a medewerker acting on a guessed id gets "not found", audited as denied', async () => {
    const guessed = randomUUID();
    for (const [name, fields] of ACTIONS) {
      const res = await callAction('MEDEWERKER', name, { ...fields, meldingId: guessed });
      expect(res.text, name).toContain('bestaat niet of u heeft er geen toegang toe');
    }
    expect(
      await t.db.auditEvent.count({
        where: { actorId: users.MEDEWERKER.id, objectId: guessed, outcome: 'DENIED' },
      }),
    ).toBe(ACTIONS.length);
  });

  it('the same calls work for a medewerker on a real melding (so the refusals above are real)', async () => {
    const res = await callAction('MEDEWERKER', 'assessAction', {
      meldingId,
      uitkomst: 'GEEN_REDEN',
      prioriteit: 'LAAG',
      reden: 'Geen zorgen gezien.',
    });
    expect(res.text).toMatch(/"ok":true/);
    expect(await t.db.beoordeling.count({ where: { meldingId, authorId: users.MEDEWERKER.id } })).toBe(1);
    const note = await callAction('MEDEWERKER', 'noteAction', { meldingId, text: 'Via de server action.' });
    expect(note.text).toMatch(/"ok":true/);
  });
});
