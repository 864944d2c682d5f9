/**
 * The notification a user opted in to: new meldingen or work-queue items wait. Counts and links
 * only — never a name, kenmerk or subject, so the police form does not leak into personal
 * inboxes. Pure.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function buildNotificatie(opts: {
  meldpuntNaam: string;
  /** Null for a role that does not see meldingen (beheerder). */
  meldingen: { nieuw: number; wachtend: number; link: string } | null;
  postvak: { nieuw: number; wachtend: number; link: string };
  accountLink: string;
}): { subject: string; body: string } {
  const lines = ['Sinds de vorige e-mail van meldpost is binnengekomen:'];
  if (opts.meldingen) lines.push(`- ${plural(opts.meldingen.nieuw, 'nieuwe melding', 'nieuwe meldingen')}`);
  lines.push(`- ${plural(opts.postvak.nieuw, 'nieuw bericht', 'nieuwe berichten')} in het postvak`, '');
  if (opts.meldingen)
    lines.push(
      `Nog niet opgepakt: ${plural(opts.meldingen.wachtend, 'melding', 'meldingen')}. Bekijk ze in meldpost: ${opts.meldingen.link}`,
    );
  lines.push(
    `Wacht op actie in het postvak: ${plural(opts.postvak.wachtend, 'bericht', 'berichten')}. Bekijk ze in meldpost: ${opts.postvak.link}`,
    '',
    'Deze e-mail bevat bewust geen gegevens over meldingen of personen; die leest u alleen in meldpost.',
    `U krijgt deze e-mail omdat u meldingen per e-mail hebt aangezet. Uitzetten kan op uw accountpagina: ${opts.accountLink}`,
    '',
    opts.meldpuntNaam,
  );
  return { subject: `meldpost: er wacht nieuw werk bij ${opts.meldpuntNaam}`, body: lines.join('\n') };
}
