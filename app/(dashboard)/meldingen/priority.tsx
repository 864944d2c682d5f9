import { BEOORDELING_LABELS, PRIORITEIT_LABELS } from '@/lib/melding/labels';
import type { BeoordelingUitkomst, Prioriteit } from '@/lib/db/generated/enums';

const STYLE: Record<Prioriteit, string> = {
  HOOG: 'border-red-300 bg-red-100 text-red-900',
  NORMAAL: 'border-slate-300 bg-slate-100 text-slate-900',
  LAAG: 'border-slate-200 bg-white text-slate-800',
};

/** The latest beoordeling's priority as a word (not colour alone), with the beoordeling below it. */
export function Priority({
  prioriteit,
  beoordeling,
}: {
  prioriteit: Prioriteit | null;
  beoordeling: BeoordelingUitkomst | null;
}) {
  if (!prioriteit) return <span className="text-slate-700">Nog niet beoordeeld</span>;
  return (
    <>
      <span className={`rounded border px-1.5 py-0.5 text-xs font-medium ${STYLE[prioriteit]}`}>
        {PRIORITEIT_LABELS[prioriteit]}
      </span>
      {beoordeling && <div className="mt-1 text-xs text-slate-700">{BEOORDELING_LABELS[beoordeling]}</div>}
    </>
  );
}
