import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'meldpost', template: '%s · meldpost' },
  description: 'Meldingen niet-acute zorg van de politie, voor het meldpunt',
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="nl">
      <head>
        {/* The huisstijl's design tokens (app/huisstijl.css/route.ts), after the defaults in globals.css. */}
        {/* eslint-disable-next-line @next/next/no-css-tags -- generated per meldpunt at run time, not a build asset */}
        <link rel="stylesheet" href="/huisstijl.css" />
      </head>
      <body className="min-h-screen bg-page text-ink antialiased">{children}</body>
    </html>
  );
}
