import { describe, expect, it } from 'vitest';
import { zelftestSteps, type TZelftestRow } from '../../lib/zelftest/zelftest-steps';

const START = new Date('2026-12-08T10:00:00Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const row = (extra: Partial<TZelftestRow> = {}): TZelftestRow => ({
  startedAt: START,
  seenAt: null,
  parsedAt: null,
  parsed: null,
  signalSubject: null,
  removedAt: null,
  ...extra,
});
const statuses = (steps: ReturnType<typeof zelftestSteps>) => steps.map((s) => s.status);

describe('keten-zelftest steps', () => {
  it('shows the first unfinished step as in progress, the rest waiting', () => {
    const steps = zelftestSteps({ row: row(), outgoing: { state: 'QUEUED', lastError: null }, now: at(1) });
    expect(statuses(steps)).toEqual(['bezig', 'wacht', 'wacht', 'wacht', 'wacht']);
  });

  it('fails the step that did not finish within the time, with what to check', () => {
    const steps = zelftestSteps({ row: row(), outgoing: { state: 'SENT', lastError: null }, now: at(6) });
    expect(statuses(steps)).toEqual(['ok', 'fout', 'wacht', 'wacht', 'wacht']);
    expect(steps[1]!.detail).toMatch(/niet in de mailbox aangekomen/);
    // The time is the caller's: a shorter limit fails sooner.
    const sooner = zelftestSteps({
      row: row(),
      outgoing: { state: 'SENT', lastError: null },
      now: at(2),
      timeoutMs: 60_000,
    });
    expect(sooner[1]!.status).toBe('fout');
  });

  it('fails sending at once when the outbox gave up, naming the SMTP error', () => {
    const steps = zelftestSteps({
      row: row(),
      outgoing: { state: 'FAILED', lastError: '535 authentication failed' },
      now: at(0),
    });
    expect(steps[0]).toMatchObject({ status: 'fout' });
    expect(steps[0]!.detail).toMatch(/SMTP-instellingen.*535 authentication failed/);
  });

  it('passes all steps once the mail was seen, parsed, its signal composed and removed', () => {
    const steps = zelftestSteps({
      row: row({
        seenAt: at(1),
        parsedAt: at(1),
        parsed: 'herkend',
        signalSubject: 'Acceptatiesignaal',
        removedAt: at(2),
      }),
      outgoing: { state: 'SENT', lastError: null },
      now: at(60),
    });
    expect(statuses(steps)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(steps[2]!.detail).toBe('herkend');
  });
});
