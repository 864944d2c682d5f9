import { BADGE_LABELS, type TBadge } from '@/lib/melding/labels';

const STYLE: Record<TBadge, string> = {
  te_laat: 'bg-red-100 text-red-900 border-red-300',
  telefonisch: 'bg-amber-100 text-amber-900 border-amber-300',
  veilig_thuis: 'bg-purple-100 text-purple-900 border-purple-300',
  eerder: 'bg-sky-100 text-sky-900 border-sky-300',
  waarschuwingen: 'bg-orange-100 text-orange-900 border-orange-300',
  niet_geverifieerd: 'bg-red-50 text-red-900 border-red-300',
  reactie: 'bg-green-100 text-green-900 border-green-300',
  buiten_werkgebied: 'bg-slate-200 text-slate-900 border-slate-400',
  minderjarig: 'bg-purple-100 text-purple-900 border-purple-300',
  herinnering: 'bg-amber-100 text-amber-900 border-amber-300',
  heropend: 'bg-red-100 text-red-900 border-red-300',
};

/** Badges as text (not colour alone), so they read the same to everyone. */
export function Badges({ badges }: { badges: TBadge[] }) {
  if (!badges.length) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Kenmerken">
      {badges.map((b) => (
        <li key={b} className={`rounded border px-1.5 py-0.5 text-xs font-medium ${STYLE[b]}`}>
          {BADGE_LABELS[b]}
        </li>
      ))}
    </ul>
  );
}
