/**
 * Attack: a 1 MB .docx whose archive declares 1 kB but inflates to 1 GB, mailed as a melding.
 * Before the fix the declared sizes passed the guard, JSZip inflated everything outside the V8
 * heap and the worker's resident memory passed 1.7 GB (3 MB bomb). Now the mailbox worker (a
 * real worker process, the bundled one `npm start` runs) refuses it with a foutmelding while its
 * peak resident memory stays below 400 MB, and the melding behind it is processed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRaw } from '../fixtures/mail/compose';
import { meldingMail } from '../support/melding-mail';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { waitFor } from '../support/processes';
import { lyingZipBombDocx } from './support/lying-zip-bomb';

const BOMB = 'PL1300-2026410001';
const NEXT = 'PL1300-2026410002';
let env: TIngestEnv;

/** The process's peak resident memory in MB (the kernel's high-water mark, no sampling gaps). */
function peakRssMb(pid: number): number {
  const kilobytes = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)![1];
  return Number(kilobytes) / 1024;
}

beforeAll(async () => {
  env = await startIngestEnv();
});

afterAll(async () => {
  await env?.stop();
});

describe('a .docx zip bomb with lying size fields', () => {
  it('is refused within the memory bound and the next melding is processed', async () => {
    const bomb = await lyingZipBombDocx(1024);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    await env.deliver(
      await composeRaw({
        subject: `melding niet-acute zorg met ${BOMB}`,
        attachments: [
          {
            filename: `meldformulier-${BOMB}.docx`,
            content: bomb,
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          },
        ],
      }),
    );
    await env.deliver(await meldingMail({ kenmerk: NEXT }));
    const worker = env.spawnWorker();

    const next = await waitFor(
      'the melding behind the bomb recorded',
      () => env.t.db.melding.findFirst({ where: { kenmerk: NEXT } }),
      120_000,
    );
    expect(next.status).toBe('ONTVANGEN');
    expect(peakRssMb(worker.pid!)).toBeLessThan(400);
    await env.smtp.waitFor(2);
    const subjects = env.smtp.messages.map((m) => m.subject);
    expect(subjects).toContain(`Foutmelding: melding niet-acute zorg met ${BOMB}`);
    expect(subjects).toContain(`Acceptatiesignaal: melding niet-acute zorg met ${NEXT}`);
    const refusal = env.smtp.messages.find((m) => m.subject?.startsWith('Foutmelding'))!;
    expect(refusal.text).toContain('uitgepakt groter is dan het opgeeft');
  }, 180_000);
});
