import { beforeAll, describe, expect, it } from 'vitest';
import { checkAuthenticity } from '../../../lib/mail/authenticity';
import {
  composeMelding,
  makeSigningKey,
  policeDns,
  sign,
  type TSigningKey,
} from '../../fixtures/mail/signed-mail';

const opts = { trustedDomains: ['politie.nl'], mta: 'mx.meldpunt.example' };
let key: TSigningKey;
let genuine: Buffer;

beforeAll(async () => {
  key = makeSigningKey();
  genuine = await sign(await composeMelding(), key);
});

function withHeader(raw: Buffer, header: string): Buffer {
  return Buffer.concat([Buffer.from(`${header}\r\n`), raw]);
}

describe('checkAuthenticity, verified offline with a custom resolver', () => {
  it('passes a genuine signed melding and reports what it saw', async () => {
    const r = await checkAuthenticity(genuine, { ...opts, resolver: policeDns(key) });
    expect(r).toMatchObject({
      verdict: 'pass',
      reason: null,
      source: 'verified',
      fromDomain: 'politie.nl',
      dmarc: 'pass',
    });
    expect(r.dkim).toEqual([{ domain: 'politie.nl', result: 'pass' }]);
  });

  it('passes a subdomain of a trusted domain signed by the parent (relaxed alignment)', async () => {
    const raw = await sign(await composeMelding({ from: 'no-reply@meldingen.politie.nl' }), key);
    const r = await checkAuthenticity(raw, { ...opts, resolver: policeDns(key) });
    expect(r.verdict).toBe('pass');
  });

  it('fails a tampered body (mailauth: DKIM neutral, DMARC fail)', async () => {
    const tampered = Buffer.from(
      genuine.toString('latin1').replace('Zie bijgevoegd', 'Zie gewijzigd'),
      'latin1',
    );
    const r = await checkAuthenticity(tampered, { ...opts, resolver: policeDns(key) });
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/DKIM-handtekening is niet geldig/);
  });

  it('fails a spoofed From of another domain, even when that domain signs correctly', async () => {
    const evilKey = makeSigningKey();
    const raw = await sign(
      await composeMelding({ from: 'no-reply@evil.example' }),
      evilKey,
      'evil.example',
      'x',
    );
    const dns = policeDns(key, {
      'x._domainkey.evil.example': evilKey.dnsRecord,
      '_dmarc.evil.example': 'v=DMARC1; p=none',
    });
    const r = await checkAuthenticity(raw, { ...opts, resolver: dns });
    expect(r).toMatchObject({ verdict: 'fail', fromDomain: 'evil.example' });
    expect(r.reason).toMatch(/hoort niet bij de vertrouwde domeinen/);
  });

  it('fails a police From signed by a foreign domain (DKIM pass but not aligned)', async () => {
    const evilKey = makeSigningKey();
    const raw = await sign(await composeMelding(), evilKey, 'evil.example', 'x');
    const r = await checkAuthenticity(raw, {
      ...opts,
      resolver: policeDns(key, { 'x._domainkey.evil.example': evilKey.dnsRecord }),
    });
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/niet van het afzenderdomein politie\.nl/);
  });

  it('fails a look-alike domain that starts with the trusted name', async () => {
    const evilKey = makeSigningKey();
    const domain = 'politie.nl.evil.example';
    const raw = await sign(await composeMelding({ from: `no-reply@${domain}` }), evilKey, domain, 'x');
    const dns = policeDns(key, {
      [`x._domainkey.${domain}`]: evilKey.dnsRecord,
      [`_dmarc.${domain}`]: 'v=DMARC1; p=reject',
    });
    const r = await checkAuthenticity(raw, { ...opts, resolver: dns });
    expect(r).toMatchObject({ verdict: 'fail', fromDomain: domain });
  });

  it('fails an unsigned message', async () => {
    const r = await checkAuthenticity(await composeMelding(), { ...opts, resolver: policeDns(key) });
    expect(r).toMatchObject({ verdict: 'fail', reason: 'Het bericht heeft geen DKIM-handtekening.' });
  });

  it('fails a message with two From headers', async () => {
    const raw = withHeader(genuine, 'From: no-reply@evil.example');
    const r = await checkAuthenticity(raw, { ...opts, resolver: policeDns(key) });
    expect(r).toMatchObject({ verdict: 'fail', fromDomain: null });
  });

  it('reports a DNS outage as a temporary failure', async () => {
    const down = async () => {
      throw Object.assign(new Error('queryTxt ETIMEOUT'), { code: 'ETIMEOUT' });
    };
    const r = await checkAuthenticity(genuine, { ...opts, resolver: down });
    expect(r).toMatchObject({ verdict: 'fail', temporary: true });
  });

  it('never throws on garbage', async () => {
    for (const garbage of [
      Buffer.alloc(0),
      Buffer.from('\x00\xff\r\n\r\n'),
      Buffer.from('From: <<<@@@>>>\r\n\r\nx'),
      Buffer.alloc(70_000, 'A'),
    ]) {
      const r = await checkAuthenticity(garbage, { ...opts, resolver: policeDns(key) });
      expect(r.verdict).toBe('fail');
      expect(r.reason).toBeTruthy();
    }
  });
});

describe('checkAuthenticity and Authentication-Results headers', () => {
  const ours = 'mx.meldpunt.example';

  it('ignores an injected header with a foreign authserv-id and decides by its own check', async () => {
    const unsigned = await composeMelding();
    const injected = withHeader(
      unsigned,
      'Authentication-Results: mx.politie.nl; dkim=pass header.d=politie.nl; dmarc=pass header.from=politie.nl',
    );
    const r = await checkAuthenticity(injected, { ...opts, authservId: ours, resolver: policeDns(key) });
    expect(r).toMatchObject({ verdict: 'fail', source: 'verified' });
    // and a genuine message with the same junk header still passes on its own merit
    const ok = await checkAuthenticity(
      withHeader(genuine, 'Authentication-Results: evil.example; dkim=fail; dmarc=fail'),
      {
        ...opts,
        authservId: ours,
        resolver: policeDns(key),
      },
    );
    expect(ok).toMatchObject({ verdict: 'pass', source: 'verified' });
  });

  it('ignores every Authentication-Results header when no authserv-id is configured', async () => {
    const injected = withHeader(
      await composeMelding(),
      `Authentication-Results: ${ours}; dkim=pass header.d=politie.nl; dmarc=pass header.from=politie.nl`,
    );
    const r = await checkAuthenticity(injected, { ...opts, resolver: policeDns(key) });
    expect(r).toMatchObject({ verdict: 'fail', source: 'verified' });
  });

  it('honours the topmost header of the configured authserv-id', async () => {
    const unsigned = await composeMelding();
    const stamped = withHeader(
      unsigned,
      `Authentication-Results: ${ours};\r\n dkim=pass (2048-bit key) header.d=politie.nl header.s=sel;\r\n spf=none;\r\n dmarc=pass (p=REJECT) header.from=politie.nl`,
    );
    const r = await checkAuthenticity(stamped, { ...opts, authservId: ours, resolver: policeDns(key) });
    expect(r).toMatchObject({
      verdict: 'pass',
      source: 'authentication-results',
      fromDomain: 'politie.nl',
      dmarc: 'pass',
    });
  });

  it('believes only the topmost header of our authserv-id: a lower, injected copy does not count', async () => {
    const injectedBelow = withHeader(
      await composeMelding(),
      `Authentication-Results: ${ours}; dkim=pass header.d=politie.nl; dmarc=pass header.from=politie.nl`,
    );
    const stamped = withHeader(
      injectedBelow,
      `Authentication-Results: ${ours}; dkim=fail header.d=politie.nl; dmarc=fail header.from=politie.nl`,
    );
    const r = await checkAuthenticity(stamped, { ...opts, authservId: ours });
    expect(r).toMatchObject({ verdict: 'fail', source: 'authentication-results' });
  });

  it('does not accept a trusted header whose DMARC verdict is about another From domain', async () => {
    const stamped = withHeader(
      await composeMelding(),
      `Authentication-Results: ${ours}; dkim=pass header.d=politie.nl; dmarc=pass header.from=evil.example`,
    );
    const r = await checkAuthenticity(stamped, { ...opts, authservId: ours });
    expect(r.verdict).toBe('fail');
  });
});
