/** The pure parts of sign-in: lockout rule, session stages, TOTP window and replay, recovery codes, OIDC e-mail, settings. */
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_MAX_FAILURES, LOGIN_LOCK_MS, lockedUntil } from '../../lib/auth/login-throttle';
import { verifiedEmail } from '../../lib/auth/oidc-email';
import { hashRecoveryCode, matchRecoveryCode, newRecoveryCodes } from '../../lib/auth/recovery-codes';
import { sessionStage } from '../../lib/auth/session-stage';
import { checkTotp, looksLikeTotp, newTotpSecret } from '../../lib/auth/totp';
import { EnvError, parseEnv } from '../../lib/env';

const t0 = new Date('2026-03-02T09:00:00Z').getTime();
const at = (min: number) => new Date(t0 + min * 60_000);

describe('lockout rule', () => {
  it('locks for 15 minutes from the fifth failure within 15 minutes', () => {
    const five = [0, 1, 2, 3, 4].map(at);
    expect(lockedUntil(five.slice(0, 4), ACCOUNT_MAX_FAILURES, at(5))).toBeNull();
    expect(lockedUntil(five, ACCOUNT_MAX_FAILURES, at(5))).toEqual(new Date(at(4).getTime() + LOGIN_LOCK_MS));
    expect(lockedUntil(five, ACCOUNT_MAX_FAILURES, at(18.9))).not.toBeNull();
    expect(lockedUntil(five, ACCOUNT_MAX_FAILURES, at(19))).toBeNull();
  });

  it('does not lock for failures spread wider than the window', () => {
    expect(lockedUntil([0, 5, 10, 15, 20, 25].map(at), ACCOUNT_MAX_FAILURES, at(26))).toBeNull();
  });

  it('after a lock has run out, counting starts again', () => {
    const failures = [0, 1, 2, 3, 4, 20, 21, 22, 23].map(at);
    expect(lockedUntil(failures, ACCOUNT_MAX_FAILURES, at(24))).toBeNull();
    expect(lockedUntil([...failures, at(24)], ACCOUNT_MAX_FAILURES, at(25))).toEqual(
      new Date(at(24).getTime() + LOGIN_LOCK_MS),
    );
  });
});

describe('session stages', () => {
  const enrolled = { mfaEnrolledAt: new Date(), mustChangePassword: false };
  it('needs the second factor, or enrolment, before anything else', () => {
    expect(sessionStage({ mfaVerifiedAt: null }, enrolled, 'password')).toBe('second-factor');
    expect(sessionStage({ mfaVerifiedAt: null }, { ...enrolled, mfaEnrolledAt: null }, 'password')).toBe(
      'enrol',
    );
    expect(sessionStage({ mfaVerifiedAt: null }, enrolled, 'oidc')).toBe('second-factor');
  });
  it('then a forced password change, except after an OIDC sign-in (no password used)', () => {
    expect(
      sessionStage({ mfaVerifiedAt: new Date() }, { ...enrolled, mustChangePassword: true }, 'password'),
    ).toBe('change-password');
    expect(
      sessionStage({ mfaVerifiedAt: new Date() }, { ...enrolled, mustChangePassword: true }, 'oidc'),
    ).toBe('ready');
    expect(sessionStage({ mfaVerifiedAt: new Date() }, enrolled, 'password')).toBe('ready');
  });
});

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = Math.floor(t0 / 1000);
  const codeAt = (sec: number) => generate({ secret, epoch: sec });

  it('accepts the current code and one step of drift either way, nothing further', async () => {
    const step = Math.floor(now / 30);
    expect(await checkTotp(secret, await codeAt(now), null, now)).toBe(step);
    expect(await checkTotp(secret, await codeAt(now - 30), null, now)).toBe(step - 1);
    expect(await checkTotp(secret, await codeAt(now + 30), null, now)).toBe(step + 1);
    expect(await checkTotp(secret, await codeAt(now - 90), null, now)).toBeNull();
    expect(await checkTotp(secret, await codeAt(now + 90), null, now)).toBeNull();
  });

  it('refuses a code of a step already used (replay) and anything that is not six digits', async () => {
    const step = Math.floor(now / 30);
    expect(await checkTotp(secret, await codeAt(now), step, now)).toBeNull();
    expect(await checkTotp(secret, await codeAt(now), step - 1, now)).toBe(step);
    expect(await checkTotp(secret, '12345', null, now)).toBeNull();
    expect(await checkTotp(secret, 'abcdef', null, now)).toBeNull();
    expect(looksLikeTotp('123 456')).toBe(true);
    expect(looksLikeTotp('ABCD-EFGH-JKMN-PQRS')).toBe(false);
  });

  it('gives a 160-bit base32 secret', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes of 16 symbols, matched case- and dash-insensitively', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const hashes = codes.map(hashRecoveryCode);
    expect(matchRecoveryCode(hashes, codes[7]!.toLowerCase().replace(/-/g, ' '))).toBe(7);
    expect(
      matchRecoveryCode(
        hashes.filter((_, i) => i !== 7),
        codes[7]!,
      ),
    ).toBe(-1);
    expect(matchRecoveryCode(hashes, '123456')).toBe(-1);
    expect(hashes.join()).not.toContain(codes[0]!.replace(/-/g, ''));
  });
});

describe('OIDC e-mail mapping', () => {
  it('uses only an e-mail address the identity provider verified', () => {
    expect(verifiedEmail({ email: 'J.Jansen@Gemeente.test', email_verified: true })).toBe(
      'j.jansen@gemeente.test',
    );
    expect(verifiedEmail({ email: 'j.jansen@gemeente.test', xms_edov: true })).toBe('j.jansen@gemeente.test');
    expect(verifiedEmail({ email: 'j.jansen@gemeente.test', email_verified: 'true' })).toBe(
      'j.jansen@gemeente.test',
    );
    expect(verifiedEmail({ email: 'j.jansen@gemeente.test' })).toBeNull();
    expect(verifiedEmail({ email: 'j.jansen@gemeente.test', email_verified: false })).toBeNull();
    expect(verifiedEmail({ email: ['j.jansen@gemeente.test'], email_verified: true })).toBeNull();
    expect(verifiedEmail({ email_verified: true })).toBeNull();
  });
});

describe('session and OIDC settings', () => {
  const good = {
    DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/meldpost',
    MELDPOST_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    MELDPOST_PSEUDONYM_KEY: Buffer.alloc(32, 2).toString('base64'),
    NEXTAUTH_SECRET: 'x'.repeat(32),
  };
  it('defaults to 30 minutes idle and 12 hours in all, OIDC off', () => {
    const env = parseEnv(good);
    expect([env.SESSION_IDLE_MIN, env.SESSION_MAX_HOURS, env.OIDC_ISSUER, env.OIDC_IDP_MFA]).toEqual([
      30,
      12,
      undefined,
      false,
    ]);
  });
  it.each([
    [{ SESSION_IDLE_MIN: '0' }, 'Configuratiefout: SESSION_IDLE_MIN is ongeldig'],
    [{ SESSION_MAX_HOURS: 'lang' }, 'Configuratiefout: SESSION_MAX_HOURS is ongeldig'],
    [
      { OIDC_ISSUER: 'https://login.example.test/tenant/v2.0', OIDC_CLIENT_ID: 'meldpost' },
      'Configuratiefout: OIDC_CLIENT_SECRET ontbreekt',
    ],
    [{ OIDC_IDP_MFA: 'ja' }, 'Configuratiefout: OIDC_IDP_MFA is ongeldig'],
  ])('names a bad session or OIDC setting in one line (%#)', (patch, message) => {
    expect(() => parseEnv({ ...good, ...patch })).toThrow(EnvError);
    expect(() => parseEnv({ ...good, ...patch })).toThrow(message);
  });
});
