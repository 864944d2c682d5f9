/** The form's own label for each record field, to name it in Dutch messages. */
export const FIELD_NAMES: Record<string, string> = {
  bestand: 'Bijlage',
  kenmerk: 'Ons kenmerk',
  organisatieonderdeel: 'Organisatieonderdeel',
  'behandelaar.naam': 'Behandeld door',
  'behandelaar.telefoon': 'Telefoon behandelaar',
  'behandelaar.email': 'E-mail behandelaar',
  'betrokkene.bsn': 'BSN',
  'betrokkene.voornamen': 'Voornamen',
  'betrokkene.voorvoegsel': 'Voorvoegsel',
  'betrokkene.achternaam': 'Achternaam',
  'betrokkene.geboortedatum': 'Geboortedatum',
  'betrokkene.geboorteplaats': 'Geboorteplaats',
  'betrokkene.geboorteland': 'Geboorteland',
  'betrokkene.geslacht': 'Geslacht',
  'betrokkene.adres': 'Adres',
  'betrokkene.postcode': 'Postcode',
  'betrokkene.plaats': 'Plaats',
  'betrokkene.land': 'Land',
  'betrokkene.telefoonnummers': 'Telefoonnummer betrokkene',
  'voorval.van': 'Datum/tijd voorval',
  'voorval.tot': 'Datum/tijd voorval (einde)',
  'voorval.postcode': 'Plaats voorval (postcode)',
  'voorval.plaats': 'Plaats voorval',
  meldingTijdstip: 'Datum/tijd melding',
  redenAanmelding: 'Reden aanmelding',
  'huisarts.telefoon': 'Telefoonnummer huisarts',
};

export function fieldName(path: string): string {
  if (path.startsWith('hulpverlening.instanties.')) {
    const [, , index, slot] = path.split('.');
    return `${slot === 'telefoon' ? 'Telefoonnummer' : slot === 'naam' ? 'Instantie' : 'Contactpersoon'} van hulpverleningsinstantie ${Number(index) + 1}`;
  }
  return FIELD_NAMES[path] ?? path;
}
