'use client';

import { useState, useTransition, type FormEvent } from 'react';
import type { TActionState } from '@/lib/web/action-state';
import type { MeldingStatus } from '@/lib/db/generated/enums';
import { STATUS_LABELS } from '@/lib/melding/labels';
import { formatDateTime, inputClass, labelClass } from '../_shared/format';
import { KenmerkTable } from '../bewaartermijn/kenmerk-table';
import { erasePersonAction, exportPersonAction, findPersonAction } from './actions';

type TFound = { id: string; kenmerk: string; receivedAt: string; status: MeldingStatus };
type TQuery = Record<string, string>;

const formOf = (q: TQuery) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(q)) f.set(k, v);
  return f;
};

function download(json: string, filename: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** Search a person, then export or erase what is held about them. Each step is a server action (audited there). */
export function PersonPanel() {
  const [zoekOp, setZoekOp] = useState<'bsn' | 'naam'>('bsn');
  const [query, setQuery] = useState<TQuery | null>(null);
  const [found, setFound] = useState<TFound[] | null>(null);
  const [state, setState] = useState<TActionState>(null);
  const [zeker, setZeker] = useState(false);
  const [pending, start] = useTransition();

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const q: TQuery =
      zoekOp === 'bsn'
        ? { zoekOp, bsn: String(f.get('bsn') ?? '') }
        : {
            zoekOp,
            achternaam: String(f.get('achternaam') ?? ''),
            geboortedatum: String(f.get('geboortedatum') ?? ''),
          };
    start(async () => {
      const s = await findPersonAction(null, formOf(q));
      setState(s);
      setZeker(false);
      setQuery(s?.ok ? q : null);
      setFound(s?.ok && s.data ? (JSON.parse(s.data.meldingen!) as TFound[]) : null);
    });
  }

  function exportData() {
    if (!query) return;
    start(async () => {
      const s = await exportPersonAction(null, formOf(query));
      setState(s);
      if (s?.ok && s.data) download(s.data.json!, s.data.filename!);
    });
  }

  function erase(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (
      !query ||
      !window.confirm(
        'Alle gegevens over deze persoon definitief wissen? Dit kan niet ongedaan worden gemaakt.',
      )
    )
      return;
    start(async () => {
      const s = await erasePersonAction(null, formOf(query));
      setState(s);
      if (s?.ok) setFound([]);
    });
  }

  return (
    <div className="space-y-6">
      <form
        onSubmit={search}
        className="rounded border border-slate-200 bg-white p-4"
        aria-labelledby="zoek-titel"
      >
        <h2 id="zoek-titel" className="text-lg font-semibold">
          Persoon zoeken
        </h2>
        <fieldset className="mt-2">
          <legend className={labelClass}>Zoeken op</legend>
          <div className="mt-1 flex gap-6 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="zoekOp"
                value="bsn"
                checked={zoekOp === 'bsn'}
                onChange={() => setZoekOp('bsn')}
              />{' '}
              BSN
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="zoekOp"
                value="naam"
                checked={zoekOp === 'naam'}
                onChange={() => setZoekOp('naam')}
              />{' '}
              Achternaam en geboortedatum
            </label>
          </div>
        </fieldset>
        {zoekOp === 'bsn' ? (
          <div className="mt-3 max-w-xs">
            <label htmlFor="bsn" className={labelClass}>
              BSN
            </label>
            <input
              id="bsn"
              name="bsn"
              inputMode="numeric"
              autoComplete="off"
              pattern="\d{9}"
              title="9 cijfers"
              required
              className={inputClass}
            />
          </div>
        ) : (
          <div className="mt-3 flex flex-wrap gap-4">
            <div className="w-64">
              <label htmlFor="achternaam" className={labelClass}>
                Achternaam (zonder voorvoegsel)
              </label>
              <input id="achternaam" name="achternaam" autoComplete="off" required className={inputClass} />
            </div>
            <div>
              <label htmlFor="geboortedatum" className={labelClass}>
                Geboortedatum
              </label>
              <input id="geboortedatum" name="geboortedatum" type="date" required className={inputClass} />
            </div>
          </div>
        )}
        <button
          type="submit"
          disabled={pending}
          className="mt-3 rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? 'Bezig…' : 'Zoeken'}
        </button>
      </form>

      <div aria-live="polite">
        {state &&
          (state.ok ? (
            <p role="status" className="text-sm text-green-800">
              {state.message}
            </p>
          ) : (
            <p role="alert" className="text-sm text-red-800">
              {state.message}
            </p>
          ))}
      </div>

      {found && found.length > 0 && (
        <section aria-labelledby="gevonden" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="gevonden" className="text-lg font-semibold">
            Opgeslagen meldingen
          </h2>
          <KenmerkTable
            caption="Meldingen over deze persoon"
            columns={['Ontvangen', 'Status']}
            rows={found.map((m) => ({
              id: m.id,
              kenmerk: m.kenmerk,
              cells: [formatDateTime(new Date(m.receivedAt)), STATUS_LABELS[m.status]],
            }))}
          />

          <h3 className="mt-6 font-semibold">Inzage</h3>
          <p className="text-sm text-slate-700">
            Alle opgeslagen gegevens over deze persoon, met wie ze heeft ingezien of bewerkt, als
            JSON-bestand.
          </p>
          <button
            type="button"
            onClick={exportData}
            disabled={pending}
            className="mt-2 rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            Gegevens exporteren
          </button>

          <form onSubmit={erase} className="mt-6">
            <h3 className="font-semibold">Wissen</h3>
            <p className="text-sm text-slate-700">
              Verwijdert deze meldingen met formulier, bijlagen, e-mails, notities en beoordelingen, ook uit
              de mailbox. Alleen anonieme statistiek en het (gepseudonimiseerde) logboek blijven bewaard.
            </p>
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" required checked={zeker} onChange={(e) => setZeker(e.target.checked)} />{' '}
              Ik heb gecontroleerd dat dit de juiste persoon is
            </label>
            <button
              type="submit"
              disabled={pending || !zeker}
              className="mt-2 rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900 disabled:opacity-60"
            >
              Alle gegevens wissen
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
