/** Pure pieces of the administration: connection errors in plain Dutch, and spreadsheet-safe CSV. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../lib/csv';
import { explainConnectionError } from '../../lib/mailbox/explain-connection-error';

const err = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message ?? 'fout')), fields);

describe('explainConnectionError', () => {
  it('tells an unknown name apart, but not refused, silent, TLS mode or certificate (no port scanner)', () => {
    expect(explainConnectionError('imap', err({ code: 'ENOTFOUND' }), { oauth: false })).toMatch(
      /hostnaam van de IMAP-server bestaat niet/,
    );
    const unreachable = [
      explainConnectionError('imap', err({ code: 'ECONNREFUSED' }), { oauth: false }),
      explainConnectionError('imap', err({ code: 'ETIMEDOUT' }), { oauth: false }),
      explainConnectionError('imap', err({ code: 'ECONNRESET' }), { oauth: false }),
      explainConnectionError('imap', err({ message: 'routines:ssl3_get_record:wrong version number' }), {
        oauth: false,
      }),
      explainConnectionError('imap', err({ code: 'CERT_HAS_EXPIRED' }), { oauth: false }),
      explainConnectionError('imap', err({ message: 'Connection closed unexpectedly' }), { oauth: false }),
      explainConnectionError('imap', err({ message: 'Unexpected response: SSH-2.0-OpenSSH_9.2' }), {
        oauth: false,
      }),
    ];
    expect(new Set(unreachable).size).toBe(1);
    expect(unreachable[0]).toMatch(/^Geen verbinding met de IMAP-server/);
    expect(unreachable[0]).toMatch(/certificaat/);
    const smtp = [
      explainConnectionError('smtp', err({ cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }), {
        oauth: false,
      }),
      explainConnectionError('smtp', err({ code: 'ECONNECTION', message: 'Greeting never received' }), {
        oauth: false,
      }),
      explainConnectionError('smtp', err({ code: 'ECONNREFUSED' }), { oauth: false }),
    ];
    expect(new Set(smtp).size).toBe(1);
  });

  it('names the password for password logins and the app permissions for OAuth2', () => {
    const authFailed = err({ authenticationFailed: true, responseText: 'Authentication failed.' });
    expect(explainConnectionError('imap', authFailed, { oauth: false })).toMatch(
      /gebruikersnaam of wachtwoord klopt niet/,
    );
    expect(explainConnectionError('imap', authFailed, { oauth: true })).toMatch(
      /IMAP\.AccessAsApp.*Add-MailboxPermission/,
    );
    expect(
      explainConnectionError(
        'smtp',
        err({ code: 'EAUTH', response: '535 5.7.3 Authentication unsuccessful' }),
        { oauth: true },
      ),
    ).toMatch(/SMTP\.SendAsApp/);
  });

  it('reads Microsoft token errors: secret, unknown app, unknown tenant', () => {
    expect(
      explainConnectionError('oauth', err({ message: 'OAuth2-token geweigerd (401, invalid_client)' }), {
        oauth: true,
      }),
    ).toMatch(/client secret/);
    expect(
      explainConnectionError('oauth', err({ message: 'OAuth2-token geweigerd (400, unauthorized_client)' }), {
        oauth: true,
      }),
    ).toMatch(/client-id/);
    expect(
      explainConnectionError('oauth', err({ message: 'OAuth2-token geweigerd (400, invalid_request)' }), {
        oauth: true,
      }),
    ).toMatch(/tenant/);
    expect(
      explainConnectionError(
        'oauth',
        err({ message: 'OAuth2: de opgeslagen privésleutel is geen geldige PEM-sleutel' }),
        { oauth: true },
      ),
    ).toMatch(/privésleutel van het certificaat/);
  });

  it('reads Google token errors: no delegation, a key that does not belong, a bad key; and a refused token', () => {
    const google = { oauth: true, google: true };
    expect(
      explainConnectionError(
        'oauth',
        err({ message: 'OAuth2-token geweigerd (401, unauthorized_client)' }),
        google,
      ),
    ).toMatch(/domeinbrede delegatie.*mail\.google\.com/);
    expect(
      explainConnectionError(
        'oauth',
        err({ message: 'OAuth2-token geweigerd (400, invalid_grant)' }),
        google,
      ),
    ).toMatch(/sleutel hoort niet bij dit serviceaccount/);
    expect(
      explainConnectionError(
        'oauth',
        err({ message: 'OAuth2: de opgeslagen privésleutel is geen geldige PEM-sleutel' }),
        google,
      ),
    ).toMatch(/JSON-sleutelbestand/);
    expect(explainConnectionError('imap', err({ authenticationFailed: true }), google)).toMatch(
      /IMAP aanstaat voor deze gebruiker/,
    );
  });
});

describe('toCsv', () => {
  it('quotes every field, doubles quotes, neutralises formulas and starts with a BOM', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['=SUM(A1)', 'zei "ja"'],
        [null, new Date('2026-01-02T03:04:05Z')],
        ['+31 10', '@x'],
      ],
    );
    expect(csv).toBe(
      '\uFEFF"a";"b"\r\n"\'=SUM(A1)";"zei ""ja"""\r\n"";"2026-01-02T03:04:05.000Z"\r\n"\'+31 10";"\'@x"\r\n',
    );
  });

  it('leaves negative numbers as numbers, but not a formula that starts with a minus', () => {
    expect(toCsv(['t'], [['-16,7'], [-3], ['-5%'], ['-1+cmd|x']])).toBe(
      '\uFEFF"t"\r\n"-16,7"\r\n"-3"\r\n"-5%"\r\n"\'-1+cmd|x"\r\n',
    );
  });
});
