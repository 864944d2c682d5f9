import type { TStatsKeuzes } from '@/lib/stats/list-stats-keuzes';
import { STAPPEN, shiftYears, type TStatsFilter } from '@/lib/stats/period';

/** The filters as a plain GET form (works without script) with period presets. */
export function FilterForm({
  filter,
  keuzes,
  vandaag,
}: {
  filter: TStatsFilter;
  keuzes: TStatsKeuzes;
  vandaag: string;
}) {
  const jaar = Number(vandaag.slice(0, 4));
  const presets = [
    { label: 'Laatste 12 maanden', van: null, tot: null },
    { label: `Dit jaar (${jaar})`, van: `${jaar}-01-01`, tot: vandaag },
    { label: `Vorig jaar (${jaar - 1})`, van: `${jaar - 1}-01-01`, tot: `${jaar - 1}-12-31` },
    { label: 'Laatste 5 jaar', van: shiftYears(vandaag, -5), tot: vandaag },
  ];
  const select = (name: 'gemeente' | 'eenheid' | 'basisteam', label: string, alle: string) => (
    <label className="flex flex-col text-sm">
      {label}
      <select
        name={name}
        defaultValue={filter[name] ?? ''}
        className="mt-1 rounded border border-slate-400 bg-white px-2 py-1"
      >
        <option value="">{alle}</option>
        {keuzes[name].map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      method="get"
      action="/statistieken"
      className="mt-4 rounded border border-slate-300 bg-white p-4 print:hidden"
      aria-label="Filters"
    >
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col text-sm">
          Van
          <input
            type="date"
            name="van"
            defaultValue={filter.van}
            required
            className="mt-1 rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="flex flex-col text-sm">
          Tot en met
          <input
            type="date"
            name="tot"
            defaultValue={filter.tot}
            required
            className="mt-1 rounded border border-slate-400 px-2 py-1"
          />
        </label>
        {select('gemeente', 'Gemeente', 'Alle gemeenten')}
        {select('eenheid', 'Politie-eenheid', 'Alle eenheden')}
        {select('basisteam', 'Basisteam', 'Alle basisteams')}
        <label className="flex flex-col text-sm">
          Per
          <select
            name="stap"
            defaultValue={filter.stap}
            className="mt-1 rounded border border-slate-400 bg-white px-2 py-1"
          >
            {STAPPEN.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
          Toon cijfers
        </button>
      </div>
      <p className="mt-3 text-sm">
        Snel kiezen:{' '}
        {presets.map((p, i) => (
          <span key={p.label}>
            {i > 0 ? ' · ' : ''}
            <a
              className="text-brand-700 underline"
              href={p.van ? `/statistieken?van=${p.van}&tot=${p.tot}` : '/statistieken'}
            >
              {p.label}
            </a>
          </span>
        ))}
      </p>
    </form>
  );
}
