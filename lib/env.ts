/**
 * All configuration, parsed once with zod and shared by web, worker and CLI. A missing or bad
 * value stops start-up with one line naming the variable (see `formatEnvError`).
 */
import path from 'node:path';
import { z } from 'zod';

const key32 = z
  .string()
  .refine(
    (v) => Buffer.from(v, 'base64').length === 32,
    'moet 32 bytes zijn, base64-gecodeerd (openssl rand -base64 32)',
  );

export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** A PostgreSQL ≥ 14 URL; when absent, `npm start` runs the embedded server and sets it. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  MELDPOST_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Reverse proxies in front of the web server that append to X-Forwarded-For; the client's
   * address is taken that many entries from the right (0: the socket's address, all of
   * X-Forwarded-For ignored). Read by scripts/web-client-ip.mjs in the web process.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** AES-256-GCM key for secrets at rest (mailbox credentials, MFA secrets). */
  MELDPOST_ENCRYPTION_KEY: key32,
  /** Earlier keys, comma-separated, still accepted for decryption during a rotation. */
  MELDPOST_OLD_ENCRYPTION_KEYS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(key32)),
  /** HMAC key for pseudonymous person keys in the audit log (never rotated: it links history). */
  MELDPOST_PSEUDONYM_KEY: key32,
  NEXTAUTH_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn'),
  NEXTAUTH_URL: z.url().optional(),
  /** Bearer token that unlocks /api/health's details for monitoring (signed-in beheerders see them anyway). */
  MELDPOST_HEALTH_TOKEN: z.string().min(24, 'moet minstens 24 tekens lang zijn').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long between worker heartbeats, and after how long a silent worker counts as down. */
  WORKER_HEARTBEAT_SEC: z.coerce.number().int().min(1).default(10),
  WORKER_RESTART_DELAY_SEC: z.coerce.number().min(0).default(5),
  /** How often the worker re-reads the mailbox table (new, changed, disabled mailboxes). */
  MAILBOX_SCAN_SEC: z.coerce.number().min(0.1).default(5),
  /** First retry delay of a failed mailbox session; doubles up to five minutes. */
  MAILBOX_RETRY_BASE_SEC: z.coerce.number().min(0.1).default(5),
  /** Retry delay after a configuration error (wrong password), unless the mailbox is changed. */
  MAILBOX_CONFIG_RETRY_SEC: z.coerce.number().min(1).default(300),
  /** Processing attempts before a message is parked in the error folder. */
  INGEST_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** Crashes of the worker blamed on one message (it was processing alone) before it is parked. */
  INGEST_MAX_CRASHES: z.coerce.number().int().min(1).default(3),
  OUTBOX_RETRY_BASE_SEC: z.coerce.number().min(0.1).default(30),
  OUTBOX_RETRY_MAX_SEC: z.coerce.number().min(1).default(3600),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  OUTBOX_POLL_SEC: z.coerce.number().min(0.1).default(5),
  /** The statistics refresh runs once per this many seconds, over all instances together. */
  STATS_REFRESH_SEC: z.coerce.number().min(1).default(300),
  /** Users who opted in get at most one notification mail per this many seconds (all instances together). */
  NOTIFY_INTERVAL_SEC: z.coerce.number().min(1).default(900),
  /** How often a worker checks whether the daily retention run is due. */
  RETENTION_CHECK_SEC: z.coerce.number().min(1).default(3600),
  /** Bearer token for /metrics (and the worker's metrics port); without it /metrics is off. */
  METRICS_TOKEN: z.string().min(16, 'moet minstens 16 tekens lang zijn').optional(),
  /** When set, the worker serves its own /metrics (parse durations, memory) on this port. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** A session ends after this many minutes without a request, and after this many hours in all. */
  SESSION_IDLE_MIN: z.coerce.number().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** How long a generated one-time password (new account, first beheerder) can be used. */
  ONE_TIME_PASSWORD_HOURS: z.coerce.number().positive().default(72),
  /** Optional OpenID Connect sign-in (e.g. Microsoft Entra ID): on when all three are set. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The button text, e.g. "Microsoft". */
  OIDC_NAME: z.string().min(1).default('organisatieaccount'),
  /** `true` when the identity provider itself enforces a second factor; else meldpost asks its own TOTP. */
  OIDC_IDP_MFA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * With OIDC_IDP_MFA: the `acr` values (comma-separated) that count as multi-factor, besides an
   * `amr` naming a second factor. Default: OpenID PAPE multi-factor and eIDAS substantial/high.
   */
  OIDC_MFA_ACR: z
    .string()
    .optional()
    .transform((v) =>
      v
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** Huisstijl: the name in the page header and sign-in pages (a beheerder's setting wins). */
  MELDPOST_HUISSTIJL_NAAM: z.string().trim().min(1).max(60).optional(),
  /** Huisstijl: brand colour #rrggbb (a beheerder's setting wins). */
  MELDPOST_HUISSTIJL_KLEUR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'verwacht een kleur als #rrggbb')
    .optional(),
  /** Huisstijl: a CSS file with design tokens (NL Design System names), e.g. a gemeente's theme. */
  MELDPOST_HUISSTIJL_CSS: z.string().min(1).optional(),
  /** Huisstijl: a logo (PNG, SVG or JPEG file) shown beside the name. */
  MELDPOST_HUISSTIJL_LOGO: z
    .string()
    .regex(/\.(png|svg|jpe?g)$/i, 'verwacht een .png-, .svg- of .jpg-bestand')
    .optional(),
});

export type TEnv = z.infer<typeof ZEnv> & { dataDir: string; databaseUrl: string };

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Configuratiefout: ${variable} ${problem}`);
  }
}

/** Parses `source` (process.env by default); throws EnvError naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? '?');
    const problem = source[variable] === undefined ? 'ontbreekt' : `is ongeldig: ${issue.message}`;
    throw new EnvError(variable, problem);
  }
  const env = result.data;
  if (!env.DATABASE_URL)
    throw new EnvError('DATABASE_URL', 'ontbreekt (npm start zet deze zelf voor de ingebouwde database)');
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    const missing = (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const).find((k) => !env[k])!;
    throw new EnvError(
      missing,
      'ontbreekt (OpenID Connect vraagt OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET samen)',
    );
  }
  return { ...env, dataDir: path.resolve(env.MELDPOST_DATA_DIR), databaseUrl: env.DATABASE_URL };
}

let cached: TEnv | undefined;

/** The process's configuration, parsed on first use (not at import: `next build` has none). */
export function getEnv(): TEnv {
  cached ??= parseEnv();
  return cached;
}

/** For entry points: print the one line and exit, instead of a stack trace. */
export function getEnvOrExit(): TEnv {
  try {
    return getEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}
