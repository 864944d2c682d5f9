import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { audit, personKey, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { passesElfproef } from '../form/checks';
import { ZMeldformulier, type TFinding, type TMeldformulier, type TParseResult } from '../form/schema';
import { announceChange } from '../live/changes';
import { writeMelding } from '../ingest/write-melding';
import { requireQueueUser } from '../ingest/resolve-queue-item';
import type { TPutAttachment } from '../ingest/save-attachments';
import { readBytes } from '../bytes/read-bytes';
import { detectFormFormat } from '../mail/select-form-attachment';
import { AppError } from '../errors';

/** An optional form field: empty means null. */
const optional = <T extends z.ZodType<string | null, string>>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable());

/** The fields of meldformulier/1 a person takes down from a phone call or a mail outside the protocol. */
export const ZHandMelding = z.object({
  kanaal: z.enum(
    ['TELEFOON', 'EMAIL_BUITEN_PROTOCOL', 'PARTNER', 'ANDERS'],
    'Kies hoe de melding binnenkwam',
  ),
  kenmerk: optional(
    z
      .string()
      .trim()
      .max(60)
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'Kenmerk: letters, cijfers en -'),
  ),
  melder: optional(z.string().trim().max(200)),
  voornamen: optional(z.string().trim().max(200)),
  voorvoegsel: optional(z.string().trim().max(50)),
  achternaam: optional(z.string().trim().max(200)),
  geboortedatum: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Geboortedatum als JJJJ-MM-DD')),
  bsn: optional(z.string().regex(/^\d{9}$/, 'Een BSN heeft 9 cijfers')),
  adres: optional(z.string().trim().max(200)),
  postcode: optional(
    z
      .string()
      .transform((v) => v.replace(/\s+/g, '').toUpperCase())
      .pipe(z.string().regex(/^\d{4}[A-Z]{2}$/, 'Postcode als 1234AB')),
  ),
  plaats: optional(z.string().trim().max(100)),
  redenAanmelding: z.string().trim().min(3, 'Beschrijf de reden van de melding').max(20_000),
  behandelaarNaam: optional(z.string().trim().max(200)),
  behandelaarTelefoon: optional(
    z
      .string()
      .transform((v) => v.replace(/[\s-]+/g, ''))
      .pipe(z.string().regex(/^\+?\d{6,15}$/, 'Telefoonnummer: alleen cijfers')),
  ),
  behandelaarEmail: optional(z.email('Geen geldig e-mailadres')),
  telefonischContactGewenst: z.preprocess((v) => v === 'on' || v === 'ja' || v === true, z.boolean()),
  /** An uploaded form the worker read (lib/form-review): its other fields and the file come along. */
  formulierId: optional(z.uuid()).optional(),
});
export type THandMelding = z.infer<typeof ZHandMelding>;

/** A kenmerk of the meldpunt's own for a melding that came without one: MP-<date>-<random>. */
function generatedKenmerk(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `MP-${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** The form fields a person reviews on the page; the read form's findings on them no longer apply. */
const REVIEWED_FIELDS = new Set([
  'kenmerk',
  'behandelaar.naam',
  'behandelaar.telefoon',
  'behandelaar.email',
  'betrokkene.bsn',
  'betrokkene.voornamen',
  'betrokkene.voorvoegsel',
  'betrokkene.achternaam',
  'betrokkene.geboortedatum',
  'betrokkene.adres',
  'betrokkene.postcode',
  'betrokkene.plaats',
  'redenAanmelding',
  'telefonischContactGewenst',
]);

/** The record from the typed fields, over the uploaded form's record when there is one. */
function formulierOf(input: THandMelding, kenmerk: string, read: TMeldformulier | null): TMeldformulier {
  const typed = typedFormulier(input, kenmerk);
  if (!read) return typed;
  return ZMeldformulier.parse({
    ...read,
    kenmerk,
    behandelaar: { ...read.behandelaar, ...typed.behandelaar },
    betrokkene: { ...read.betrokkene, ...typed.betrokkene, telefoonnummers: read.betrokkene.telefoonnummers },
    redenAanmelding: typed.redenAanmelding,
    telefonischContactGewenst: input.telefonischContactGewenst
      ? 'ja'
      : read.telefonischContactGewenst === null
        ? null
        : 'nee',
  });
}

function typedFormulier(input: THandMelding, kenmerk: string): TMeldformulier {
  return ZMeldformulier.parse({
    schema: 'meldformulier/1',
    kenmerk,
    organisatieonderdeel: null,
    behandelaar: {
      naam: input.behandelaarNaam,
      telefoon: input.behandelaarTelefoon,
      email: input.behandelaarEmail,
    },
    betrokkene: {
      bsn: input.bsn,
      voornamen: input.voornamen,
      voorvoegsel: input.voorvoegsel,
      achternaam: input.achternaam,
      geboortedatum: input.geboortedatum,
      geboorteplaats: null,
      geboorteland: null,
      geslacht: null,
      adres: input.adres,
      postcode: input.postcode,
      plaats: input.plaats,
      land: null,
      telefoonnummers: [],
    },
    voorval: { van: null, tot: null, postcode: null, plaats: null },
    meldingTijdstip: null,
    redenAanmelding: input.melder
      ? `${input.redenAanmelding}\n\nMelder: ${input.melder}`
      : input.redenAanmelding,
    veiligThuisGemeld: null,
    hulpverlening: { bestaand: null, instanties: [] },
    huisarts: { bekend: null, naam: null, adres: null, telefoon: null },
    betrokkeneGeinformeerd: null,
    nietGeinformeerdReden: null,
    telefonischContactGewenst: input.telefonischContactGewenst ? 'ja' : null,
  });
}

/** The uploaded form a medewerker reviewed (their own, read by the worker), or null. */
async function reviewedUpload(db: TDb, actorId: string | null, id: string | null) {
  if (!id) return null;
  if (!actorId) throw new AppError('forbidden', 'U mag geen melding registreren');
  const review = await db.formReview.findFirst({
    where: {
      id,
      createdById: actorId,
      state: 'READ',
      inboundMessageId: null,
      contentHash: { not: null },
    },
    select: { id: true, filename: true, contentHash: true, result: true },
  });
  const content = review?.contentHash ? await readBytes({ db, sha256: review.contentHash }) : null;
  if (!review?.contentHash || !content)
    throw new AppError('conflict', 'Het geüploade formulier is niet meer beschikbaar; upload het opnieuw');
  const result = review.result as TParseResult | null;
  const format = detectFormFormat(content);
  // Already in the byte store under its hash: the melding's attachment names the same bytes.
  const attachment: TPutAttachment = {
    filename: review.filename,
    contentType:
      format === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    declaredType: null,
    size: content.length,
    sha256: review.contentHash,
    contentHash: review.contentHash,
    isForm: true,
  };
  return {
    id: review.id,
    formulier: result?.formulier ?? null,
    warnings: result?.warnings ?? [],
    attachment,
  };
}

/**
 * A melding that reached the meldpunt another way (by phone, by mail outside the protocol, from a
 * partner; protocol afspraak 1, the exception): registered by a medewerker into the same inbox,
 * with its channel — typed in, or from an uploaded form the worker read and the medewerker
 * reviewed (its other fields and the file come along). No signal goes to the police: the
 * protocol's signals answer protocol mail.
 */
export async function registerMeldingByHand(opts: {
  db: TDb;
  actor: TAuditActor;
  input: THandMelding;
  now?: Date;
}): Promise<{ meldingId: string; kenmerk: string }> {
  const now = opts.now ?? new Date();
  const upload = await reviewedUpload(opts.db, opts.actor.id, opts.input.formulierId ?? null);
  const kenmerk = opts.input.kenmerk ?? generatedKenmerk(now);
  const formulier = formulierOf(opts.input, kenmerk, upload?.formulier ?? null);
  const warnings: TFinding[] = (upload?.warnings ?? []).filter((w) => !REVIEWED_FIELDS.has(w.field));
  if (formulier.betrokkene.bsn && !passesElfproef(formulier.betrokkene.bsn))
    warnings.push({
      field: 'betrokkene.bsn',
      message: `Het BSN '${formulier.betrokkene.bsn}' voldoet niet aan de elfproef.`,
    });
  const attachments = upload ? [upload.attachment] : [];
  return opts.db.$transaction(async (tx) => {
    const user = await requireQueueUser(tx, opts.actor, ['MEDEWERKER']);
    const { melding, existing } = await writeMelding(tx, {
      mailboxId: null,
      inboundId: null,
      receivedAt: now,
      formulier,
      warnings,
      attachments,
      forwardedBy: null,
      authenticityVerified: true,
      kanaal: opts.input.kanaal,
      registeredBy: user.name,
    });
    await audit(tx, {
      actor: opts.actor,
      action: existing ? 'melding.opnieuw_geregistreerd' : 'melding.geregistreerd',
      objectType: 'melding',
      objectId: melding.id,
      personKey: personKey(formulier.betrokkene),
      details: { kanaal: opts.input.kanaal, version: melding.version, formulierGeupload: !!upload },
    });
    // The review held the file and what was read: the melding has them now.
    if (upload) await tx.formReview.delete({ where: { id: upload.id } });
    await announceChange(tx);
    return { meldingId: melding.id, kenmerk };
  });
}
