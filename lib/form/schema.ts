import { z } from 'zod';

/**
 * The `meldformulier/1` record, as zod, mirroring spec/meldformulier.schema.json (a copy in tests/fixtures/spec/).
 * The JSON schema is the contract; this is how TypeScript code builds and checks it.
 */
const text = z.string().min(1).nullable();
const jaNee = z.enum(['ja', 'nee']).nullable();
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  .nullable();
const phone = z.string().regex(/^\+?\d{6,15}$/);
const postcode = z
  .string()
  .regex(/^\d{4}[A-Z]{2}$/)
  .nullable();

export const ZMeldformulier = z
  .object({
    schema: z.literal('meldformulier/1'),
    kenmerk: z.string().min(1),
    organisatieonderdeel: text,
    behandelaar: z.object({ naam: text, telefoon: phone.nullable(), email: z.email().nullable() }).strict(),
    betrokkene: z
      .object({
        bsn: z
          .string()
          .regex(/^\d{9}$/)
          .nullable(),
        voornamen: text,
        voorvoegsel: text,
        achternaam: text,
        geboortedatum: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable(),
        geboorteplaats: text,
        geboorteland: text,
        geslacht: z.enum(['man', 'vrouw', 'onbekend']).nullable(),
        adres: text,
        postcode,
        plaats: text,
        land: text,
        telefoonnummers: z.array(phone),
      })
      .strict(),
    voorval: z.object({ van: dateTime, tot: dateTime, postcode, plaats: text }).strict(),
    meldingTijdstip: dateTime,
    redenAanmelding: text,
    veiligThuisGemeld: jaNee,
    hulpverlening: z
      .object({
        bestaand: z.enum(['ja', 'nee', 'niet_bekend']).nullable(),
        instanties: z.array(
          z.object({ naam: text, contactpersoon: text, telefoon: phone.nullable() }).strict(),
        ),
      })
      .strict(),
    huisarts: z
      .object({ bekend: z.boolean().nullable(), naam: text, adres: text, telefoon: phone.nullable() })
      .strict(),
    betrokkeneGeinformeerd: jaNee,
    nietGeinformeerdReden: text,
    telefonischContactGewenst: jaNee,
  })
  .strict();

export type TMeldformulier = z.infer<typeof ZMeldformulier>;

/** A finding about one field, by its dotted path in the record (e.g. `betrokkene.bsn`). */
export type TFinding = { field: string; message: string };

/** Present when pages were read by OCR: per record path, how sure OCR was (0–100). */
export type TOcrInfo = {
  gelezenMetOcr: true;
  pages: number;
  msPerPage: number;
  confidence: Record<string, number>;
};

export type TParseResult = {
  ok: boolean;
  formulier: TMeldformulier | null;
  warnings: TFinding[];
  errors: TFinding[];
  ocr?: TOcrInfo;
};
