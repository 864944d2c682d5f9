/** Pure rules of the triage dashboard: overdue in werkdagen, corrections beside the form, display. */
import { describe, expect, it } from 'vitest';
import { sampleFormulier } from '../fixtures/generator/people';
import { applyCorrections, correctField, displayValue, fieldValue } from '../../lib/melding/form-fields';
import { isOverdue, overdueCutoff } from '../../lib/melding/overdue';

const at = (iso: string) => new Date(iso);

describe('overdue', () => {
  it('is late after the configured werkdagen, counting no weekends or Dutch holidays', () => {
    // Received Monday 16 Nov 2026; 2 werkdagen: in time all Wednesday, late on Thursday.
    const m = { receivedAt: at('2026-11-16T09:00:00Z'), firstAssessedAt: null };
    expect(isOverdue(m, 2, at('2026-11-18T22:00:00Z'))).toBe(false);
    expect(isOverdue(m, 2, at('2026-11-19T08:00:00Z'))).toBe(true);
    expect(
      isOverdue({ ...m, firstAssessedAt: at('2026-11-17T09:00:00Z') }, 2, at('2026-11-30T08:00:00Z')),
    ).toBe(false);
    // Received Thursday 24 Dec 2026: Christmas and the weekend do not count → due Tuesday 29th.
    const kerst = { receivedAt: at('2026-12-24T10:00:00Z'), firstAssessedAt: null };
    expect(isOverdue(kerst, 2, at('2026-12-29T15:00:00Z'))).toBe(false);
    expect(isOverdue(kerst, 2, at('2026-12-30T08:00:00Z'))).toBe(true);
  });

  it('has a cutoff instant that agrees with isOverdue (for filtering inside the query)', () => {
    for (const now of [
      '2026-11-19T12:00:00Z',
      '2026-11-21T12:00:00Z',
      '2026-12-30T08:00:00Z',
      '2026-03-30T07:00:00Z',
    ]) {
      const cutoff = overdueCutoff(2, at(now));
      expect(
        isOverdue({ receivedAt: new Date(cutoff.getTime() - 1), firstAssessedAt: null }, 2, at(now)),
      ).toBe(true);
      expect(isOverdue({ receivedAt: cutoff, firstAssessedAt: null }, 2, at(now))).toBe(false);
    }
  });
});

describe('corrections', () => {
  const f = sampleFormulier();

  it('apply in order without changing the received form', () => {
    const c = (field: string, to: string | null) => ({
      field,
      from: null,
      to,
      by: 'x',
      byId: null,
      at: '2026-11-23T10:00:00Z',
    });
    const corrected = applyCorrections(f, [
      c('betrokkene.plaats', 'Schiedam'),
      c('betrokkene.plaats', 'Vlaardingen'),
      c('kenmerk', 'X'),
    ]);
    expect(fieldValue(corrected, 'betrokkene.plaats')).toBe('Vlaardingen');
    expect(corrected.kenmerk).toBe(f.kenmerk);
    expect(f.betrokkene.plaats).toBe('Rotterdam');
  });

  it('are validated against the form schema and limited to correctable fields', () => {
    expect(correctField(f, 'betrokkene.postcode', '3012CD')).toMatchObject({ ok: true });
    expect(correctField(f, 'betrokkene.postcode', 'onzin')).toMatchObject({ ok: false });
    expect(correctField(f, 'betrokkene.geslacht', 'anders')).toMatchObject({ ok: false });
    expect(correctField(f, 'betrokkene.telefoonnummers', '06')).toMatchObject({ ok: false });
    expect(correctField(f, 'constructor.prototype', 'x')).toMatchObject({ ok: false });
  });

  it('display dates the Dutch way', () => {
    expect(displayValue('1981-11-04')).toBe('04-11-1981');
    expect(displayValue('2025-11-04T14:35')).toBe('04-11-2025 14:35');
    expect(displayValue('niet_bekend')).toBe('niet bekend');
    expect(displayValue(null)).toBe('—');
  });
});
