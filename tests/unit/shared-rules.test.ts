import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../lib/backoff';
import { personIdentities, samePersonConditions } from '../../lib/same-person';
import { Wakeup } from '../../lib/sleep';

describe('the same-person rule', () => {
  it('knows a person by BSN and by achternaam + geboortedatum, in the same form however given', () => {
    expect(
      personIdentities({ bsn: '123456782', achternaam: ' De Vries ', geboortedatum: '1980-02-29' }),
    ).toEqual(['bsn:123456782', 'naam:de vries|1980-02-29']);
    expect(
      personIdentities({ achternaam: 'DE VRIES', geboortedatum: new Date('1980-02-29T00:00:00Z') }),
    ).toEqual(['naam:de vries|1980-02-29']);
    expect(personIdentities({ achternaam: 'De Vries', geboortedatum: null })).toEqual([]);
  });

  it('matches the same identities in the database', () => {
    expect(
      samePersonConditions({ bsn: '123456782', achternaam: 'Jansen', geboortedatum: '1975-06-01' }),
    ).toEqual([
      { bsn: '123456782' },
      {
        achternaam: { equals: 'Jansen', mode: 'insensitive' },
        geboortedatum: new Date('1975-06-01T00:00:00Z'),
      },
    ]);
    expect(samePersonConditions({ bsn: null, achternaam: 'Jansen' })).toEqual([]);
  });
});

describe('backoff', () => {
  it('doubles from the base with each attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffMs(attempt, 300, 2000))).toEqual([
      300, 600, 1200, 2000, 2000, 2000,
    ]);
  });
});

describe('Wakeup', () => {
  it('ends a wait when woken, and keeps a wake-up that came while nobody waited', async () => {
    const wakeup = new Wakeup();
    const never = new AbortController().signal;
    const waiting = wakeup.wait(60_000, never);
    wakeup.wake();
    await waiting;
    wakeup.wake();
    await wakeup.wait(60_000, never);
    // Used up: the next wait lasts until its time (here cut short by the stop signal).
    const stop = new AbortController();
    const third = wakeup.wait(60_000, stop.signal);
    let ended = false;
    void third.then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false);
    stop.abort();
    await third;
  });
});
