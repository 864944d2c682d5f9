import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A wrong invocation: printed with exit code 2 as the problem (when there is one) and then
 * "Gebruik: …" with the command's usage.
 */
export class CliUsageError extends Error {
  constructor(
    readonly usage: string,
    readonly problem?: string,
  ) {
    super(problem ? `${problem}\n${usage}` : usage);
  }
}

type TOptions = NonNullable<ParseArgsConfig['options']>;

/** Node's parseArgs error codes, said in Dutch with the option they name. */
function explain(err: { code?: string; message: string }): string {
  const named = /'(-{1,2}[\w-]+)/.exec(err.message)?.[1] ?? /'([^']+)'/.exec(err.message)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Onbekende optie ${named ?? ''}`.trimEnd();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Optie ${named ?? ''}: ${/does not take an argument/.test(err.message) ? 'neemt geen waarde' : 'mist een waarde'}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Onverwacht argument ${named ?? ''}`.trimEnd();
    default:
      return err.message;
  }
}

/**
 * The command's arguments, strictly: an unknown or mistyped flag, a flag without its value or an
 * extra argument is a usage error that names it, never silently ignored.
 */
export function parseCommandArgs<TConfig extends TOptions>(
  args: string[],
  options: TConfig,
  usage: string,
  positionals: { min?: number; max?: number } = {},
) {
  const parsed = (() => {
    try {
      return parseArgs({ args, options, strict: true, allowPositionals: true });
    } catch (err) {
      throw new CliUsageError(usage, explain(err as { code?: string; message: string }));
    }
  })();
  const count = parsed.positionals.length;
  if (count < (positionals.min ?? 0)) throw new CliUsageError(usage, 'Te weinig argumenten');
  if (positionals.max !== undefined && count > positionals.max)
    throw new CliUsageError(usage, `Onverwacht argument ${parsed.positionals[positionals.max]}`);
  return parsed;
}
