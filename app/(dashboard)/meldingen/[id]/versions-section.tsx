import type { getMeldingVersions } from '@/lib/melding/get-melding-versions';
import { formatDateTime } from '../format';

type TVersions = Awaited<ReturnType<typeof getMeldingVersions>>;

/** The versions of the form the police sent for this kenmerk: what changed each time, and each original. */
export function VersionsSection({ meldingId, versions }: { meldingId: string; versions: TVersions }) {
  return (
    <section aria-labelledby="versies" className="rounded border border-slate-200 bg-white p-3">
      <h2 id="versies" className="text-lg font-semibold">
        Versies van het formulier
      </h2>
      <ol className="mt-2 space-y-3 text-sm">
        {versions.map((v) => (
          <li key={v.version}>
            <p>
              <span className="font-medium">Versie {v.version}</span>, ontvangen{' '}
              {formatDateTime(v.receivedAt)}
              {v.formAttachmentId && (
                <>
                  {' '}
                  ·{' '}
                  <a
                    href={`/meldingen/${meldingId}/bijlagen/${v.formAttachmentId}`}
                    className="text-brand-700 underline"
                  >
                    origineel formulier
                  </a>
                </>
              )}
            </p>
            {v.changes === null ? (
              <p className="text-slate-700">
                {v.version === 1 ? 'Eerste versie.' : 'Niet te vergelijken (gegevens verwijderd).'}
              </p>
            ) : v.changes.length === 0 ? (
              <p className="text-slate-700">Geen verschil met de vorige versie.</p>
            ) : (
              <table className="mt-1 w-full border-collapse text-left">
                <caption className="sr-only">
                  Wijzigingen in versie {v.version} ten opzichte van de vorige
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="border-b border-slate-300 pr-2">
                      Veld
                    </th>
                    <th scope="col" className="border-b border-slate-300 pr-2">
                      Was
                    </th>
                    <th scope="col" className="border-b border-slate-300">
                      Wordt
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v.changes.map((c) => (
                    <tr key={c.path}>
                      <th scope="row" className="pr-2 align-top font-normal">
                        {c.label}
                      </th>
                      <td className="pr-2 align-top whitespace-pre-wrap">{c.from}</td>
                      <td className="align-top whitespace-pre-wrap">{c.to}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
