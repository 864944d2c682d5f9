import type { TKetenZelftest } from '@/lib/zelftest/get-keten-zelftest';
import { AdminForm } from '../../_shared/admin-form';
import { formatDateTime, inputClass, labelClass } from '../../_shared/format';
import { removeZelftestMailAction, startZelftestAction } from '../zelftest-actions';
import { ZelftestRefresh } from './zelftest-refresh';

const STATUS = {
  ok: { text: 'geslaagd', className: 'text-green-800' },
  bezig: { text: 'bezig…', className: 'text-slate-700' },
  fout: { text: 'mislukt', className: 'text-red-800' },
  wacht: { text: 'wacht', className: 'text-slate-500' },
} as const;

/** The keten-zelftest of one mailbox: start it, and follow its steps. */
export function ZelftestSection({
  mailboxId,
  fromAddress,
  test,
}: {
  mailboxId: string;
  fromAddress: string;
  test: TKetenZelftest | null;
}) {
  const signalDone = test?.steps.find((s) => s.key === 'signaal')?.status === 'ok';
  const removed = test?.steps.find((s) => s.key === 'verwijderd')?.status === 'ok';
  return (
    <section aria-labelledby="zelftest" className="space-y-3">
      <h2 id="zelftest" className="text-lg font-semibold">
        Keten-zelftest
      </h2>
      <p className="max-w-2xl text-sm text-slate-700">
        Verstuurt een testbericht met verzonnen gegevens via de echte SMTP-server naar {fromAddress} en laat
        zien of het aankomt, wordt gelezen en of het acceptatiesignaal kan worden samengesteld. Het
        testbericht wordt geen melding: het telt niet mee in de statistieken en komt niet in de inbox. Het
        signaal gaat nooit naar de politie; het wordt alleen getoond, of verstuurd naar een adres dat u hier
        opgeeft.
      </p>
      <AdminForm
        action={startZelftestAction}
        hidden={{ mailboxId }}
        submitLabel="Zelftest starten"
        className="max-w-xl space-y-3 rounded border border-slate-200 bg-white p-4"
      >
        <div>
          <label htmlFor="zelftest-signalTo" className={labelClass}>
            Signaal ook versturen naar (optioneel)
          </label>
          <input
            id="zelftest-signalTo"
            name="signalTo"
            type="email"
            aria-describedby="zelftest-signalTo-hint"
            className={inputClass}
          />
          <p id="zelftest-signalTo-hint" className="mt-1 text-xs text-slate-600">
            Leeg laten: het signaal wordt alleen hieronder getoond. Het signaaladres van de politie is niet
            toegestaan.
          </p>
        </div>
      </AdminForm>
      {test && (
        <div className="max-w-2xl rounded border border-slate-200 bg-white p-4">
          <ZelftestRefresh
            running={!test.finished}
            remove={signalDone && !removed ? { id: test.id, mailboxId } : null}
          />
          <h3 className="font-medium">Zelftest van {formatDateTime(test.startedAt)}</h3>
          <ol className="mt-2 space-y-2 text-sm" aria-live="polite">
            {test.steps.map((s, i) => (
              <li key={s.key}>
                <span>
                  {i + 1}. {s.label}:{' '}
                </span>
                <strong className={STATUS[s.status].className}>{STATUS[s.status].text}</strong>
                {s.detail && <p className="ml-4 text-slate-700">{s.detail}</p>}
              </li>
            ))}
          </ol>
          {test.signal && (
            <div className="mt-3 text-sm">
              <p className="font-medium">
                Samengesteld signaal{' '}
                {test.signalTo ? `(verstuurd naar ${test.signalTo})` : '(niet verstuurd, alleen getoond)'}
              </p>
              <p className="mt-1">Onderwerp: {test.signal.subject}</p>
              <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans">
                {test.signal.body}
              </pre>
            </div>
          )}
          {signalDone && !removed && (
            <AdminForm
              action={removeZelftestMailAction}
              hidden={{ id: test.id, mailboxId }}
              submitLabel="Testbericht verwijderen"
              className="mt-3"
            />
          )}
        </div>
      )}
    </section>
  );
}
