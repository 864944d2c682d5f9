/**
 * Structured logging. Every event has a stable `code` (e.g. `ingest_parse_error`) so operators
 * can alert on it. Never pass personal data or secrets: the redaction below is a safety net for
 * mistakes, not a licence. Logs go to stderr, so stdout stays free for a command's output.
 */
import pino, { type Logger } from 'pino';

const REDACT = [
  'password',
  'secret',
  'secretEnc',
  'token',
  'accessToken',
  'authorization',
  'cookie',
  'bsn',
  'formulier',
  'raw',
  'body',
  'text',
  '*.password',
  '*.secret',
  '*.secretEnc',
  '*.token',
  '*.accessToken',
  '*.authorization',
  '*.cookie',
  '*.bsn',
  '*.formulier',
  '*.raw',
  '*.body',
  '*.text',
];

let root: Logger | undefined;

export function getLogger(component: string): Logger {
  root ??= pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: { pid: process.pid },
      redact: { paths: REDACT, censor: '[verborgen]' },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination(2),
  );
  return root.child({ component });
}

/** Error fields that are safe to log: type, code and message, no attached objects. */
export function errFields(err: unknown): { name: string; message: string; code?: string } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Unknown', message: String(err) };
}
