/** The stable codes of `cli inbound list` and the work queue: every ledger state, resolved or not, and legacy rows. */
import { describe, expect, it } from 'vitest';
import { inWorkQueue, isOpen, nextAction, stateCode } from '../../../lib/ingest/inbound-codes';

const row = (opts: Partial<Parameters<typeof stateCode>[0]>) => ({
  state: 'PROCESSED' as const,
  outcome: null,
  resolution: null,
  ...opts,
});

describe('inbound codes', () => {
  it('reads unfinished messages from the processing state', () => {
    expect(stateCode(row({ state: 'STORED' }))).toBe('pending');
    expect(stateCode(row({ state: 'STORED', outcome: 'AUTH_DEFERRED' }))).toBe('auth_deferred');
    // a person asked to register it: the old outcome stays until the worker decides again
    expect(stateCode(row({ state: 'STORED', outcome: 'OTHER' }))).toBe('pending');
    expect(stateCode(row({ state: 'FAILED' }))).toBe('retrying');
    expect(nextAction(row({ state: 'FAILED' }))).toBe('wait');
    expect(stateCode(row({ state: 'PARKED' }))).toBe('parked');
    expect(nextAction(row({ state: 'PARKED' }))).toBe('reprocess_or_handle');
  });

  it('names decided messages by their outcome; a resolution leaves no next action', () => {
    const quarantined = row({ state: 'QUARANTINED', outcome: 'QUARANTINED' });
    expect([stateCode(quarantined), nextAction(quarantined), isOpen(quarantined)]).toEqual([
      'quarantined',
      'release_or_reject',
      true,
    ]);
    const handled = { ...quarantined, resolution: 'HANDLED' as const };
    expect([stateCode(handled), nextAction(handled), isOpen(handled)]).toEqual([
      'quarantined',
      'none',
      false,
    ]);
  });

  it('keeps meldingen and linked replies out of the work queue, and does not count what waits for the worker', () => {
    expect(inWorkQueue(row({ outcome: 'MELDING_ACCEPTED' }))).toBe(false);
    expect(inWorkQueue(row({ outcome: 'MELDING_ACCEPTED_WARNINGS' }))).toBe(false);
    expect(inWorkQueue(row({ outcome: 'REPLY_LINKED' }))).toBe(false);
    expect(inWorkQueue(row({ outcome: 'DUPLICATE' }))).toBe(true);
    expect(isOpen(row({ outcome: 'DUPLICATE' }))).toBe(false);
    expect(isOpen(row({ state: 'STORED' }))).toBe(false);
    expect(isOpen(row({ outcome: 'OTHER', state: 'IGNORED' }))).toBe(true);
  });

  it('reads rows from before the outcome column as the migration backfills them', () => {
    expect(stateCode(row({ kind: 'MELDING', meldingId: 'm' }))).toBe('melding_accepted');
    expect(stateCode(row({ kind: 'MELDING', meldingId: null }))).toBe('foutmelding_sent');
    expect(stateCode(row({ kind: 'REACTIE', meldingId: 'm' }))).toBe('reply_linked');
    expect(stateCode(row({ state: 'QUARANTINED', kind: 'DOORGESTUURD' }))).toBe('quarantined');
    expect(stateCode(row({ state: 'IGNORED', kind: 'OVERIG' }))).toBe('other');
  });
});
