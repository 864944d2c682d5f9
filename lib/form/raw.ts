/**
 * What a reader took from the form before normalisation: raw text by the dotted path of the
 * record field it feeds (`betrokkene.geboortedatum`, `hulpverlening.instanties.0.naam`), and the
 * ticked option of each tick-box question as its schema value (`ja`, `niet_bekend`). Two readers
 * (text layer, AcroForm fields) produce this shape, so the AcroForm values can simply win.
 */
export type TRawForm = Record<string, string>;

export type TSourceFormat = 'pdf' | 'docx';
