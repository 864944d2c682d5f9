import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAIL_TEMPLATES,
  initialenOf,
  openPlaceholders,
  renderMailTemplate,
  TEMPLATE_KINDS,
  unknownPlaceholders,
} from '../../../lib/mail/default-templates';

const values = {
  kenmerk: 'PL1300-2025000001',
  initialen: 'F.J. van der P.',
  behandelaar: 'J.P. de Testagent',
  meldpuntNaam: 'Meldpunt Proefstad',
  meldpuntTelefoon: '010 123 45 67',
  reden: 'Past bij Veilig Thuis.',
  loket: 'Veilig Thuis',
  afstemming: 'Zoals op 1 december 2026 telefonisch afgestemd met J.P. de Testagent,',
};

describe('mail templates', () => {
  it('renders every placeholder of every default and leaves no braces behind', () => {
    for (const kind of TEMPLATE_KINDS) {
      const t = DEFAULT_MAIL_TEMPLATES[kind];
      expect(unknownPlaceholders(t.subject + t.body)).toEqual([]);
      const body = renderMailTemplate(t.body, values);
      expect(body).toContain('PL1300-2025000001');
      expect(body).not.toMatch(/\{[A-Za-z]+\}/);
    }
  });

  it('keeps unknown placeholders as typed and reports them', () => {
    expect(renderMailTemplate('{kenmerk} {naam}', values)).toBe('PL1300-2025000001 {naam}');
    expect(unknownPlaceholders('{kenmerk} {naam} {naam} {bsn}')).toEqual(['naam', 'bsn']);
  });

  it('does not expand placeholders inside values (no second pass)', () => {
    expect(renderMailTemplate('{behandelaar}', { ...values, behandelaar: '{kenmerk}' })).toBe('{kenmerk}');
  });

  it('makes initials, never the full name', () => {
    expect(initialenOf({ voornamen: 'Fenna Jolijn', voorvoegsel: 'van der', achternaam: 'Proefstra' })).toBe(
      'F.J. van der P.',
    );
    expect(initialenOf({ voornamen: 'Zoë Anne-Marie', voorvoegsel: null, achternaam: 'Proeve' })).toBe(
      'Z.A.M. P.',
    );
    expect(initialenOf({ voornamen: null, achternaam: null })).toBe('');
  });
});

describe('placeholders without a value', () => {
  it('stay in a draft and are named by openPlaceholders, so the mail can be refused', () => {
    const draft = renderMailTemplate('Bel ons op {meldpuntTelefoon}. {reden}', {
      ...values,
      meldpuntTelefoon: ' ',
      reden: undefined,
    });
    expect(draft).toBe('Bel ons op {meldpuntTelefoon}. {reden}');
    expect(openPlaceholders(draft)).toEqual(['meldpuntTelefoon', 'reden']);
    expect(openPlaceholders(renderMailTemplate('Bel ons op {meldpuntTelefoon}.', values))).toEqual([]);
  });
});
