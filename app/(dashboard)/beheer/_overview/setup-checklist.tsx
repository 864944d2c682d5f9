import Link from 'next/link';
import type { TSetupItem } from '@/lib/settings/get-setup-checklist';

/** The meldpunt's setup, item by item in words (not colour alone); hidden once everything is done. */
export function SetupChecklist({ items }: { items: TSetupItem[] }) {
  if (items.every((i) => i.ok)) return null;
  return (
    <section aria-labelledby="inrichting" className="rounded border border-amber-300 bg-amber-50 p-4 text-sm">
      <h2 id="inrichting" className="font-semibold">
        Inrichting van het meldpunt
      </h2>
      <p className="mt-1">
        Zolang dit niet klopt, kan meldpost niet elke mail aan de politie volledig versturen.
      </p>
      <ul className="mt-2 space-y-1">
        {items.map((i) => (
          <li key={i.key}>
            <span className="font-medium">{i.ok ? 'Gereed:' : 'Nog doen:'}</span>{' '}
            {i.ok ? (
              i.label
            ) : (
              <Link href={i.href} className="underline">
                {i.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
