import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../lib/env';

const good = {
  DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/meldpost',
  MELDPOST_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  MELDPOST_PSEUDONYM_KEY: Buffer.alloc(32, 2).toString('base64'),
  NEXTAUTH_SECRET: 'x'.repeat(32),
};

describe('configuration', () => {
  it('parses a good environment with defaults', () => {
    const env = parseEnv(good);
    expect(env.PORT).toBe(3000);
    expect(env.MELDPOST_OLD_ENCRYPTION_KEYS).toEqual([]);
    expect(env.dataDir).toMatch(/\/data$/);
  });

  it.each([
    [{ ...good, MELDPOST_ENCRYPTION_KEY: undefined }, 'Configuratiefout: MELDPOST_ENCRYPTION_KEY ontbreekt'],
    [
      { ...good, MELDPOST_ENCRYPTION_KEY: 'kort' },
      'Configuratiefout: MELDPOST_ENCRYPTION_KEY is ongeldig: moet 32 bytes zijn',
    ],
    [{ ...good, PORT: 'web' }, 'Configuratiefout: PORT is ongeldig'],
    [{ ...good, DATABASE_URL: 'mysql://x/y' }, 'Configuratiefout: DATABASE_URL is ongeldig'],
    [{ ...good, DATABASE_URL: undefined }, 'Configuratiefout: DATABASE_URL ontbreekt'],
    [
      { ...good, MELDPOST_OLD_ENCRYPTION_KEYS: `${good.MELDPOST_ENCRYPTION_KEY},nope` },
      'Configuratiefout: MELDPOST_OLD_ENCRYPTION_KEYS is ongeldig',
    ],
  ])('names the bad variable in one line (%#)', (source, message) => {
    let err: unknown;
    try {
      parseEnv(source);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvError);
    expect((err as Error).message.startsWith(message)).toBe(true);
    expect((err as Error).message).not.toContain('\n');
  });
});
