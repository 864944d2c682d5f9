/**
 * What a form field is, from its name or tooltip, whoever designed the form: the names and
 * tooltips are squashed (lowercase, no accents, only letters and digits; LiveCycle's
 * `topmostSubform[0].Page1[0].` path and `[0]` indexes dropped) and looked up among the Dutch
 * and English words designers use. Text fields give a record path; yes/no questions (radio
 * groups, drop-downs) a choice path whose value is read by `choiceValue`.
 */
const TEXT: Record<string, string[]> = {
  kenmerk: [
    'onskenmerk',
    'kenmerk',
    'registratienummer',
    'referencenumber',
    'reference',
    'casenumber',
    'bvhnummer',
  ],
  'behandelaar.naam': [
    'behandelddoor',
    'behandelaar',
    'naambehandelaar',
    'officername',
    'officer',
    'handledby',
  ],
  'behandelaar.telefoon': ['telefoon', 'telefoonbehandelaar', 'officerphone', 'officertelephone'],
  'behandelaar.email': ['email', 'emailbehandelaar', 'officeremail', 'emailadres', 'emailaddress'],
  'betrokkene.bsn': ['bsn', 'burgerservicenummer', 'citizenservicenumber'],
  'betrokkene.voornamen': ['voornamen', 'voornaam', 'firstnames', 'firstname', 'givennames', 'givenname'],
  'betrokkene.voorvoegsel': ['voorvoegsel', 'tussenvoegsel', 'voorvoegsels', 'nameprefix', 'prefix', 'infix'],
  'betrokkene.achternaam': [
    'achternaam',
    'familienaam',
    'geslachtsnaam',
    'lastname',
    'surname',
    'familyname',
  ],
  'betrokkene.geboortedatum': ['geboortedatum', 'dateofbirth', 'birthdate', 'dob'],
  'betrokkene.geboorteplaats': ['geboorteplaats', 'placeofbirth', 'birthplace'],
  'betrokkene.geboorteland': ['geboorteland', 'countryofbirth', 'birthcountry'],
  'betrokkene.geslacht': ['geslacht', 'gender', 'sex'],
  'betrokkene.adres': ['adres', 'straatadres', 'streetaddress', 'address', 'straat', 'street'],
  'betrokkene.postcode': ['postcode', 'postalcode', 'zipcode', 'zip'],
  'betrokkene.plaats': ['plaats', 'woonplaats', 'city', 'town', 'residence'],
  'betrokkene.land': ['land', 'country'],
  'betrokkene.telefoonnummers': ['telefoonnummer', 'telefoonnummers', 'phonenumbers', 'phonenumber', 'phone'],
  'voorval.postcode': ['postcodevoorval', 'incidentpostalcode', 'incidentzipcode', 'incidentpostcode'],
  'voorval.plaats': ['plaatsvoorval', 'incidentcity', 'incidentplace', 'incidentlocation'],
  meldingTijdstip: ['datumtijdmelding', 'reportdatetime', 'datetimereport', 'meldingdatumtijd', 'reportedat'],
  redenAanmelding: [
    'redenaanmelding',
    'omschrijvingredenaanmelding',
    'reasonforreferral',
    'reason',
    'concerns',
  ],
  'huisarts.naam': ['naamhuisarts', 'huisarts', 'gpname', 'generalpractitioner'],
  'huisarts.adres': ['adreshuisarts', 'gpaddress'],
  'huisarts.telefoon': ['telefoonnummerhuisarts', 'telefoonhuisarts', 'gpphone'],
  nietGeinformeerdReden: ['nietgeinformeerdreden', 'redennietgeinformeerd', 'notinformedreason'],
  'organisatie.eenheid': ['eenheid', 'policeunit', 'unit'],
  'organisatie.basisteam': ['basisteam', 'team'],
  'voorval.op.datum': ['voorvalopdatum', 'incidentdate', 'datumvoorval'],
  'voorval.op.tijd': ['voorvaloptijd', 'incidenttime', 'tijdvoorval'],
  'voorval.van.datum': ['voorvaltussendatumbegin', 'incidentstartdate', 'voorvalvandatum'],
  'voorval.van.tijd': ['voorvaltussentijdbegin', 'incidentstarttime', 'voorvalvantijd'],
  'voorval.tot.datum': ['voorvaltussendatumeind', 'incidentenddate', 'voorvaltotdatum'],
  'voorval.tot.tijd': ['voorvaltussentijdeind', 'incidentendtime', 'voorvaltottijd'],
};

/** Questions answered by one value (a radio group's export value, a drop-down's choice). */
const CHOICE: Record<string, string[]> = {
  veiligThuisGemeld: ['veiligthuis', 'veiligthuisgemeld', 'meldingveiligthuis', 'reportedtoveiligthuis'],
  'hulpverlening.bestaand': ['hulpverlening', 'bestaandehulpverlening', 'existingcare', 'careinvolved'],
  betrokkeneGeinformeerd: ['geinformeerd', 'betrokkenegeinformeerd', 'subjectinformed', 'informed'],
  telefonischContactGewenst: [
    'telefonischcontact',
    'telefonischcontactgewenst',
    'phonecontactwanted',
    'contactbyphone',
  ],
  voorval: ['voorval', 'voorvalwanneer', 'incidentwhen'],
};

/** Check boxes that stand for one option: the Word template's names, squashed. */
const OPTION: Record<string, [string, string]> = {
  veiligthuisja: ['veiligThuisGemeld', 'ja'],
  veiligthuisnee: ['veiligThuisGemeld', 'nee'],
  hulpverleningnietbekend: ['hulpverlening.bestaand', 'niet_bekend'],
  hulpverleningnee: ['hulpverlening.bestaand', 'nee'],
  hulpverleningja: ['hulpverlening.bestaand', 'ja'],
  huisartsnietbekend: ['huisarts.nietBekend', 'ja'],
  geinformeerdja: ['betrokkeneGeinformeerd', 'ja'],
  geinformeerdnee: ['betrokkeneGeinformeerd', 'nee'],
  telefonischcontactja: ['telefonischContactGewenst', 'ja'],
  telefonischcontactnee: ['telefonischContactGewenst', 'nee'],
  voorvalop: ['voorval', 'op'],
  voorvaltussen: ['voorval', 'tussen'],
};

/** Words designers put before a field's real name. */
const PREFIXES = /^(?:betrokkene|txt|fld|field|tf|cb|chk|check|checkbox)(?=[a-z])/;

export function squashName(name: string): string {
  const last =
    name
      .replace(/\[\d+\]/g, '')
      .split('.')
      .at(-1) ?? name;
  return last
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function lookUp(table: Record<string, string[]>, squashed: string): string | null {
  for (const candidate of [squashed, squashed.replace(PREFIXES, '')]) {
    for (const [path, names] of Object.entries(table)) if (names.includes(candidate)) return path;
  }
  return null;
}

const INSTANTIE =
  /^(?:hulpverlening)?(?:instantie|agency|organisatie|organisation|provider)?(\d+)?(naam|name|instantie|contactpersoon|contact|telefoonnummer|telefoon|phone)?(?:instantie)?(\d+)?$/;
const SLOT: Record<string, string> = {
  naam: 'naam',
  name: 'naam',
  instantie: 'naam',
  contactpersoon: 'contactpersoon',
  contact: 'contactpersoon',
  telefoonnummer: 'telefoon',
  telefoon: 'telefoon',
  phone: 'telefoon',
};

/** An instantie slot: "Instantie2", "agency_1_phone", "TelefoonnummerInstantie1" → path. */
function instantiePath(squashed: string): string | null {
  if (!/instantie|agency|organisation|provider|contactpersoon/.test(squashed)) return null;
  const match = INSTANTIE.exec(squashed);
  const number = match?.[1] ?? match?.[3];
  if (!match || !number) return null;
  const slot = match[2] ? SLOT[match[2]] : 'naam';
  return `hulpverlening.instanties.${Number(number) - 1}.${slot}`;
}

/** The template's own boxes that say nothing the record needs (it derives huisarts.bekend). */
const IGNORED = new Set([
  'huisartsbekend',
  'huisartsnaamcheck',
  'huisartsadrescheck',
  'huisartstelefooncheck',
]);

export type TFieldMeaning =
  | { kind: 'ignore' }
  | { kind: 'text'; path: string }
  | { kind: 'choice'; path: string }
  | { kind: 'option'; path: string; value: string };

export function fieldMeaning(name: string): TFieldMeaning | null {
  const squashed = squashName(name);
  if (squashed === '') return null;
  if (IGNORED.has(squashed)) return { kind: 'ignore' };
  const option = OPTION[squashed] ?? OPTION[squashed.replace(PREFIXES, '')];
  if (option) return { kind: 'option', path: option[0], value: option[1] };
  const instantie = instantiePath(squashed);
  if (instantie) return { kind: 'text', path: instantie };
  const text = lookUp(TEXT, squashed);
  if (text) return { kind: 'text', path: text };
  const choice = lookUp(CHOICE, squashed);
  return choice ? { kind: 'choice', path: choice } : null;
}

const VALUES: Record<string, string> = {
  ja: 'ja',
  yes: 'ja',
  y: 'ja',
  j: 'ja',
  true: 'ja',
  on: 'ja',
  1: 'ja',
  nee: 'nee',
  no: 'nee',
  n: 'nee',
  false: 'nee',
  0: 'nee',
  nietbekend: 'niet_bekend',
  onbekend: 'niet_bekend',
  unknown: 'niet_bekend',
  op: 'op',
  tussen: 'tussen',
  between: 'tussen',
};

/** A question's answer from an export value or a drop-down choice ("Yes", "Niet bekend", "Tussen"). */
export function choiceValue(value: string): string | null {
  return VALUES[squashName(value)] ?? null;
}
