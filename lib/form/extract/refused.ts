/**
 * A file the parser will not read, with the Dutch reason that goes into the foutmelding
 * ("Bijlage is een ZIP-bestand, geen PDF of Word-document").
 */
export class RefusedFile extends Error {
  override name = 'RefusedFile';
}
