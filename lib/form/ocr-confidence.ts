import type { TOcrRead } from './extract/pdf';
import { fieldName } from './field-names';
import type { TRawForm } from './raw';
import type { TFinding, TOcrInfo } from './schema';

/**
 * How sure OCR was of each field it read: the lowest confidence of the words in the field's raw
 * text (a word read several times counts with its mean). Fields below LOW_CONFIDENCE go to staff
 * as warnings that quote them; the melding as a whole is marked "gelezen met OCR" with a warning
 * on the file, so nothing read by OCR passes unnoticed.
 */
const LOW_CONFIDENCE = 70;

/** Raw keys that are no record path of their own. */
const RECORD_PATH: Record<string, string> = { 'huisarts.nietBekend': 'huisarts.bekend' };

function wordConfidences(ocr: TOcrRead): Map<string, number> {
  const seen = new Map<string, number[]>();
  for (const word of ocr.words) seen.set(word.text, [...(seen.get(word.text) ?? []), word.confidence]);
  return new Map([...seen].map(([text, all]) => [text, all.reduce((a, b) => a + b, 0) / all.length]));
}

export function ocrFindings(raw: TRawForm, ocr: TOcrRead): { info: TOcrInfo; warnings: TFinding[] } {
  const words = wordConfidences(ocr);
  const confidence: Record<string, number> = {};
  const warnings: TFinding[] = [
    {
      field: 'bestand',
      message: `Het formulier is gelezen met OCR (${ocr.pages} ${ocr.pages === 1 ? 'pagina' : "pagina's"} zonder tekstlaag); controleer de overgenomen gegevens.`,
    },
  ];
  for (const [key, value] of Object.entries(raw)) {
    const found = value
      .split(/\s+/)
      .map((token) => words.get(token))
      .filter((score): score is number => score !== undefined);
    if (found.length === 0) continue;
    const path = RECORD_PATH[key] ?? key;
    const score = Math.round(Math.min(...found));
    confidence[path] = Math.min(score, confidence[path] ?? 100);
    if (score < LOW_CONFIDENCE)
      warnings.push({
        field: path,
        message: `${fieldName(path)} is met OCR gelezen met een zekerheid van ${score} %: controleer '${value.replace(/\s+/g, ' ').trim()}'.`,
      });
  }
  return {
    info: { gelezenMetOcr: true, pages: ocr.pages, msPerPage: Math.round(ocr.msPerPage), confidence },
    warnings,
  };
}
