/**
 * The opening of the "niet in behandeling" mail, written from how the afstemming (protocol
 * afspraak 1) actually went: by phone, by e-mail or otherwise, on which day and with whom — so
 * the mail never claims a phone call that did not take place. Pure.
 */
export type TAfstemming = {
  at: Date;
  withWhom: string;
  kanaal: 'TELEFOON' | 'EMAIL' | 'ANDERS';
};

const DAY = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export function afstemmingZin(afstemming: TAfstemming): string {
  const day = DAY.format(afstemming.at);
  const who = afstemming.withWhom.replace(/\s+/g, ' ').trim();
  switch (afstemming.kanaal) {
    case 'TELEFOON':
      return `Zoals op ${day} telefonisch afgestemd met ${who},`;
    case 'EMAIL':
      return `Zoals op ${day} per e-mail afgestemd met ${who},`;
    case 'ANDERS':
      return `Na afstemming op ${day} met ${who}`;
  }
}
