/**
 * `npm run --silent cli -- <command>`: the one command-line entry for operators. Prints JSON on
 * stdout, Dutch messages on stderr; exit 0 success, 1 failure, 2 wrong usage.
 */
import { BACKUP_USAGE, backupCommand, RESTORE_USAGE, restoreCommand } from './backup';
import { dbCommand } from './db';
import { INBOUND_USAGE, inboundCommand } from './inbound';
import { MAILBOX_USAGE, mailboxCommand } from './mailbox';
import { RETENTION_USAGE, retentionCommand } from './retention';
import { SECRETS_USAGE, secretsCommand } from './secrets';
import { CliUsageError } from './usage';
import { USER_USAGE, userCommand } from './user';
import { createDb, type TDb } from '../lib/db/client';
import { migrationStatus } from '../lib/db/migrate';
import { connectForCommand } from '../lib/db/local-instance';
import { ZodError } from 'zod';
import { AppError, toHttpError } from '../lib/errors';

const USAGE = `Gebruik: npm run --silent cli -- <opdracht>
  ${USER_USAGE}
  ${MAILBOX_USAGE}
  ${SECRETS_USAGE}
  ${RETENTION_USAGE}
  ${INBOUND_USAGE}
  ${BACKUP_USAGE}
  ${RESTORE_USAGE}
  db status
  parse BESTAND...            meldformulier (.pdf, .docx of .eml) uitlezen als JSON`;

async function withDatabase(fn: (url: string) => Promise<number>): Promise<number> {
  const conn = await connectForCommand();
  try {
    return await fn(conn.url);
  } finally {
    await conn.close();
  }
}

/** A Prisma client on an up-to-date database, for commands that change data. */
function withMigratedDb(fn: (db: TDb) => Promise<number>): Promise<number> {
  return withDatabase(async (url) => {
    const { pending } = await migrationStatus(url);
    if (pending.length)
      throw new Error(
        `De database heeft ${pending.length} openstaande migratie(s): voer eerst npm run db:migrate uit (of npm start).`,
      );
    const db = createDb(url, 2);
    try {
      return await fn(db);
    } finally {
      await db.$disconnect();
    }
  });
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'user':
      return withMigratedDb((db) => userCommand(db, args));
    case 'mailbox':
      return withMigratedDb((db) => mailboxCommand(db, args));
    case 'secrets':
      return withMigratedDb((db) => secretsCommand(db, args));
    case 'retention':
      return withMigratedDb((db) => retentionCommand(db, args));
    case 'inbound':
      return withMigratedDb((db) => inboundCommand(db, args));
    case 'backup':
      return backupCommand(args);
    case 'restore':
      return restoreCommand(args);
    case 'db':
      return withDatabase((url) => dbCommand(url, args));
    case 'parse': {
      const { parseCommand } = await import('./parse');
      return parseCommand(args);
    }
    default:
      throw new CliUsageError(USAGE);
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof CliUsageError) {
      const usage = err.usage.startsWith('Gebruik')
        ? err.usage
        : `Gebruik: npm run --silent cli -- ${err.usage}`;
      process.stderr.write(`${err.problem ? `${err.problem}.\n` : ''}${usage}\n`);
      process.exit(2);
    }
    const message =
      err instanceof ZodError || err instanceof AppError
        ? toHttpError(err).body.message
        : err instanceof Error
          ? err.message
          : String(err);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
