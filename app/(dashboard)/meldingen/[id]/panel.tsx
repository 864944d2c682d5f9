'use client';

import { useState, type ReactNode } from 'react';

/**
 * A collapsible action panel. Open at first when `defaultOpen`; after that only the user opens or
 * closes it, so a panel does not snap shut (hiding its result message) when the melding changes.
 */
export function Panel({
  title,
  defaultOpen,
  children,
}: {
  title: string;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(Boolean(defaultOpen));
  return (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded border border-slate-200 bg-white"
    >
      <summary className="cursor-pointer px-3 py-2 font-medium">{title}</summary>
      <div className="border-t border-slate-200 p-3">{children}</div>
    </details>
  );
}
