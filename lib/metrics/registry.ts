/**
 * The Prometheus registry of this process (web or worker), with Node's process metrics
 * (memory, CPU, event loop, heap). Kept on globalThis: Next.js may load this module once per
 * route bundle, and two registries would each hold half of the observations.
 */
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

type TMetrics = {
  registry: Registry;
  mailboxSession: Gauge<'mailbox' | 'state'>;
  httpDuration: Histogram<'route' | 'method' | 'status'>;
  parseDuration: Histogram<'outcome'>;
};

const KEY = Symbol.for('meldpost.metrics');
const store = globalThis as { [KEY]?: TMetrics };

function create(): TMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ process: process.env.MELDPOST_PROCESS ?? 'web' });
  collectDefaultMetrics({ register: registry, prefix: 'meldpost_' });
  return {
    registry,
    mailboxSession: new Gauge({
      name: 'meldpost_mailbox_session_state',
      help: 'Toestand van de IMAP-sessie per mailbox in deze worker: 1 voor de huidige toestand, 0 voor de andere',
      labelNames: ['mailbox', 'state'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'meldpost_http_request_duration_seconds',
      help: 'Duur van verzoeken aan routes en server actions, per route (naam), methode en status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    parseDuration: new Histogram({
      name: 'meldpost_form_parse_duration_seconds',
      help: 'Duur van het uitlezen van een meldformulier, per uitkomst (ok, fout)',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}

export function getMetrics(): TMetrics {
  store[KEY] ??= create();
  return store[KEY];
}

/**
 * Times `work` into the HTTP histogram under `route`; the status is the response's, 303 for a
 * Next.js redirect thrown (a sign-in required), else 500 on a throw.
 */
export async function timeRequest<T>(
  route: string,
  method: string,
  work: () => Promise<T>,
  statusOf: (result: T) => number,
): Promise<T> {
  const end = getMetrics().httpDuration.startTimer({ route, method });
  try {
    const result = await work();
    end({ status: String(statusOf(result)) });
    return result;
  } catch (err) {
    const digest = (err as { digest?: unknown } | null)?.digest;
    end({ status: typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT') ? '303' : '500' });
    throw err;
  }
}
