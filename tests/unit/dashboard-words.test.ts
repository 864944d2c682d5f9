/**
 * What the dashboard says in words instead of codes: every audit action written anywhere in lib/
 * has a Dutch label, details read as a sentence, periods as "december 2026", long chart labels
 * wrap, and a huisstijl colour must keep white text readable.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel, describeAuditDetails } from '../../lib/audit/audit-labels';
import { holderLabel } from '../../app/(dashboard)/beheer/mailboxen/holder-label';
import { bucketLabel } from '../../lib/stats/bucket-label';
import { wrapLabel } from '../../lib/stats/wrap-label';
import { brandColourProblem, contrastRatio, themeCss } from '../../lib/theme/theme-css';

const ROOT = path.resolve(import.meta.dirname, '../..');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'generated' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(name)) yield full;
  }
}

/** Every audit action code in the sources: `action: '…'`, `'…' : '…'` ternaries, and named constants. */
function actionCodes(): Set<string> {
  const codes = new Set<string>();
  for (const dir of ['lib', 'workers', 'cli', 'app'])
    for (const file of sources(path.join(ROOT, dir))) {
      if (file.endsWith('audit-labels.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/action: ([^,\n}]+)/g))
        for (const code of m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(code[1]!);
      for (const m of text.matchAll(/_ACTION = '([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1]!);
    }
  return codes;
}

describe('audit labels', () => {
  it('labels every action the code writes', () => {
    const codes = actionCodes();
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((c) => !(c in AUDIT_ACTION_LABELS));
    expect(missing).toEqual([]);
  });

  it('reads an unknown action as words, never the code', () => {
    expect(auditActionLabel('melding.email_bekeken')).toBe('E-mail van de politie bekeken');
    expect(auditActionLabel('postvak.geopend')).toBe('Postvak geopend');
  });

  it('describes details as a Dutch line, leaving out ids', () => {
    expect(describeAuditDetails({ soort: 'tekst', resultaten: 1 })).toBe('op tekst · 1 resultaat');
    expect(
      describeAuditDetails({ beoordelingId: 'x', uitkomst: 'NADER_ONDERZOEK', prioriteit: 'HOOG' }),
    ).toBe('Onvoldoende informatie — nader onderzoek · prioriteit hoog');
    expect(describeAuditDetails({ van: 'MEDEWERKER', naar: 'BEHEERDER' })).toBe(
      'van Medewerker · naar Beheerder',
    );
    expect(describeAuditDetails({ mislukt: 'imap,smtp' })).toBe('mislukt: IMAP, SMTP');
    expect(describeAuditDetails({ field: 'betrokkene.plaats' })).toBe('veld Plaats');
    expect(describeAuditDetails({ statistiekenVoorMedewerkers: true })).toBe(
      'statistieken voor medewerkers: ja',
    );
    expect(
      describeAuditDetails({
        soortenMelding: JSON.stringify([
          { key: 'EENZAAMHEID', label: 'Eenzaamheid', actief: true },
          { key: 'ANDERS', label: 'Anders', actief: false },
        ]),
      }),
    ).toBe('soorten melding: Eenzaamheid');
    expect(describeAuditDetails({ zelftestId: 'x', signaalNaar: 'alleen tonen' })).toBe(
      'signaal: alleen tonen',
    );
    expect(describeAuditDetails(null)).toBe('');
  });

  it('says which process holds a mailbox in words', () => {
    expect(holderLabel('vm:16916')).toBe('Actief op server vm (proces 16916)');
    expect(holderLabel(null)).toMatch(/^Geen/);
  });
});

describe('periods and chart labels', () => {
  it('names days, weeks, months and years in Dutch', () => {
    expect(bucketLabel('2026-12')).toBe('december 2026');
    expect(bucketLabel('2026-12-07')).toBe('7 december 2026');
    expect(bucketLabel('2026-W49')).toBe('week 49 van 2026');
    expect(bucketLabel('2026')).toBe('2026');
    expect(bucketLabel('Totaal')).toBe('Totaal');
  });

  it('wraps a long label at spaces and ends what does not fit with an ellipsis', () => {
    expect(wrapLabel('Eenheid Oost-Brabant – basisteam Eindhoven-Zuid')).toEqual([
      'Eenheid Oost-Brabant –',
      'basisteam Eindhoven-Zuid',
    ]);
    expect(wrapLabel('Kort')).toEqual(['Kort']);
    const long = wrapLabel(
      'een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien',
      12,
      2,
    );
    expect(long).toHaveLength(2);
    expect(long[1]!.endsWith('…')).toBe(true);
    for (const line of wrapLabel('Eenonwaarschijnlijklangwoordzonderspaties-en-nog-meer', 20))
      expect(line.length).toBeLessThanOrEqual(20);
  });
});

describe('huisstijl', () => {
  it('refuses a brand colour white text cannot be read on (WCAG AA 4.5:1)', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 0);
    expect(brandColourProblem('#1d5b8f')).toBeNull();
    expect(brandColourProblem('#ffee00')).toMatch(/te licht/);
    expect(brandColourProblem('blauw')).toMatch(/#rrggbb/);
  });

  it('writes the tokens for a colour after a gemeente token file, and ignores an unusable colour', () => {
    const sheet = themeCss({ tokenCss: ':root { --utrecht-link-color: #123456; }', brandColour: '#7a1f5c' });
    expect(sheet.indexOf('--utrecht-link-color: #123456')).toBeLessThan(sheet.indexOf('#7a1f5c'));
    expect(sheet).toContain('--utrecht-button-primary-action-background-color: #7a1f5c;');
    expect(themeCss({ brandColour: '#ffee00' })).not.toContain('#ffee00');
  });
});
