import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCommandArgs } from '../../cli/usage';

const USAGE = 'retention run [--dry-run]';
const parse = (...args: string[]) =>
  parseCommandArgs(args, { 'dry-run': { type: 'boolean' }, role: { type: 'string' } }, USAGE, {
    min: 1,
    max: 1,
  });

function problemOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CliUsageError);
    expect((err as CliUsageError).usage).toBe(USAGE);
    return (err as CliUsageError).problem;
  }
  throw new Error('expected a usage error');
}

describe('CLI arguments (strict)', () => {
  it('reads known flags and positionals', () => {
    const { values, positionals } = parse('run', '--dry-run', '--role', 'beheerder');
    expect(values).toEqual({ 'dry-run': true, role: 'beheerder' });
    expect(positionals).toEqual(['run']);
  });

  it('names an unknown or mistyped flag instead of ignoring it', () => {
    expect(problemOf(() => parse('run', '--dryrun'))).toBe('Onbekende optie --dryrun');
    expect(problemOf(() => parse('run', '--force'))).toBe('Onbekende optie --force');
  });

  it('refuses a flag without its value, a value on a switch, and extra or missing arguments', () => {
    expect(problemOf(() => parse('run', '--role'))).toBe('Optie --role: mist een waarde');
    expect(problemOf(() => parse('run', '--dry-run=ja'))).toBe('Optie --dry-run: neemt geen waarde');
    expect(problemOf(() => parse('run', 'nu'))).toBe('Onverwacht argument nu');
    expect(problemOf(() => parse())).toBe('Te weinig argumenten');
  });
});
