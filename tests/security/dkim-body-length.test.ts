/**
 * Attack: take a genuine police mail whose DKIM signature has `l=` (covers only the first bytes
 * of the body), append something of your own — text, another attachment — and deliver it. The
 * signature still verifies. Before the fix that counted as an aligned DKIM pass and the mail as
 * authentic; now such a signature does not count (verified ourselves, and behind a trusted MTA's
 * Authentication-Results header alike).
 */
import { dkimSign } from 'mailauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAuthenticity } from '../../lib/mail/authenticity';
import {
  composeMelding,
  makeSigningKey,
  policeDns,
  POLICE_DOMAIN,
  SELECTOR,
  type TSigningKey,
} from '../fixtures/mail/signed-mail';

const opts = { trustedDomains: ['politie.nl'], mta: 'mx.meldpunt.example' };
let key: TSigningKey;
let extended: Buffer;

beforeAll(async () => {
  key = makeSigningKey();
  const raw = await composeMelding();
  const bodyStart = raw.indexOf('\r\n\r\n') + 4;
  const data = {
    signingDomain: POLICE_DOMAIN,
    selector: SELECTOR,
    privateKey: key.privateKey,
    canonicalization: 'relaxed/relaxed',
    maxBodyLength: raw.length - bodyStart,
  };
  const signed = await dkimSign(raw, { ...data, signatureData: [data] });
  expect(signed.signatures).toMatch(/l=\d+/);
  extended = Buffer.concat([
    Buffer.from(signed.signatures),
    raw,
    Buffer.from('\r\nKlik hier voor het echte formulier: http://aanvaller.example/\r\n'),
  ]);
});

describe('DKIM with a body length (l=)', () => {
  it('an appended body does not pass as authentic police mail', async () => {
    const r = await checkAuthenticity(extended, { ...opts, resolver: policeDns(key) });
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/\(l=\)/);
    expect(r.dkim).toEqual([{ domain: 'politie.nl', result: 'policy' }]);
  });

  it('behind a trusted MTA whose header says dkim=pass, the l= signature still does not count', async () => {
    const withResults = Buffer.concat([
      Buffer.from(
        'Authentication-Results: mx.meldpunt.example; dkim=pass header.d=politie.nl; dmarc=pass header.from=politie.nl\r\n',
      ),
      extended,
    ]);
    const r = await checkAuthenticity(withResults, { ...opts, authservId: 'mx.meldpunt.example' });
    expect(r.verdict).toBe('fail');
    expect(r.source).toBe('authentication-results');
  });
});
