import { AdminForm } from '../_shared/admin-form';
import { adreslijstAction } from './actions';

type TPrepared = {
  open: { id: string; wat: string; createdAt: Date }[];
  recipient: string;
  subject: string;
  body: string;
};

/**
 * Protocol Bijlage B: after a change of delivery address or werkgebied the landelijke
 * adressenlijst must be told. The notice is prepared here; it goes after the beheerder confirms.
 */
export function AdreslijstMelding({ prepared }: { prepared: TPrepared }) {
  return (
    <section aria-labelledby="bijlage-b" className="rounded border border-amber-300 bg-amber-50 p-4 text-sm">
      <h2 id="bijlage-b" className="font-semibold">
        Landelijke adressenlijst bijwerken (Bijlage B)
      </h2>
      <p className="mt-1">
        Het afleveradres of het werkgebied is gewijzigd. Volgens het protocol meldt de gemeente dit
        onverwijld, zodat politiemeldingen bij het juiste meldpunt blijven aankomen.
      </p>
      <ul className="mt-2 list-disc pl-5">
        {prepared.open.map((w) => (
          <li key={w.id}>{w.wat}</li>
        ))}
      </ul>
      <details className="mt-2">
        <summary className="cursor-pointer underline">De voorbereide mail bekijken</summary>
        <p className="mt-2">
          <span className="font-medium">Aan:</span> {prepared.recipient}
        </p>
        <p>
          <span className="font-medium">Onderwerp:</span> {prepared.subject}
        </p>
        <pre className="mt-1 whitespace-pre-wrap rounded bg-white p-2 font-sans">{prepared.body}</pre>
      </details>
      <div className="mt-3 flex flex-wrap gap-3">
        <AdminForm
          action={adreslijstAction}
          submitLabel="Mail versturen"
          hidden={{ send: 'versturen' }}
          confirm={`De mail gaat naar ${prepared.recipient}. Versturen?`}
        />
        <AdminForm
          action={adreslijstAction}
          submitLabel="Al op een andere manier gemeld"
          hidden={{ send: 'niet-nodig' }}
        />
      </div>
    </section>
  );
}
