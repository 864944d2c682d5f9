import { tdClass, thClass } from '../_shared/format';

/** A list of meldingen by kenmerk with a few columns, for the retention and person pages. */
export function KenmerkTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { id: string; kenmerk: string; cells: string[] }[];
}) {
  return (
    <table className="mt-3 w-full border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-100">
        <tr>
          {['Kenmerk', ...columns].map((c) => (
            <th key={c} scope="col" className={thClass}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-200">
            <td className={tdClass}>{r.kenmerk}</td>
            {r.cells.map((c, i) => (
              <td key={i} className={tdClass}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
