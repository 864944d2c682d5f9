/**
 * The notification a user opted in to: new meldingen or work-queue items wait. Counts and links
 * only — never a name, kenmerk or subject, so the police form does not leak into personal
 * inboxes. Pure.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function buildNotificatie(o: {
  meldpuntNaam: string;
  /** Null for a role that does not see meldingen (beheerder). */
  meldingen: { nieuw: number; wachtend: number; link: string } | null;
  postvak: { nieuw: number; wachtend: number; link: string };
  accountLink: string;
}): { subject: string; body: string } {
  const lines = ['Sinds de vorige e-mail van meldpost is binnengekomen:'];
  if (o.meldingen) lines.push(`- ${plural(o.meldingen.nieuw, 'nieuwe melding', 'nieuwe meldingen')}`);
  lines.push(`- ${plural(o.postvak.nieuw, 'nieuw bericht', 'nieuwe berichten')} in het postvak`, '');
  if (o.meldingen)
    lines.push(
      `Nog niet opgepakt: ${plural(o.meldingen.wachtend, 'melding', 'meldingen')}. Bekijk ze in meldpost: ${o.meldingen.link}`,
    );
  lines.push(
    `Wacht op actie in het postvak: ${plural(o.postvak.wachtend, 'bericht', 'berichten')}. Bekijk ze in meldpost: ${o.postvak.link}`,
    '',
    'Deze e-mail bevat bewust geen gegevens over meldingen of personen; die leest u alleen in meldpost.',
    `U krijgt deze e-mail omdat u meldingen per e-mail hebt aangezet. Uitzetten kan op uw accountpagina: ${o.accountLink}`,
    '',
    o.meldpuntNaam,
  );
  return { subject: `meldpost: er wacht nieuw werk bij ${o.meldpuntNaam}`, body: lines.join('\n') };
}
