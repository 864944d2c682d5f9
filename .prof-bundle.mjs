var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// lib/form/extract/refused.ts
var RefusedFile;
var init_refused = __esm({
  "lib/form/extract/refused.ts"() {
    "use strict";
    RefusedFile = class extends Error {
      name = "RefusedFile";
    };
  }
});

// lib/form/extract/zip-directory.ts
function readZipDirectory(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new RefusedFile(DAMAGED_ZIP);
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      throw new RefusedFile(DAMAGED_ZIP);
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      // 0xFFFFFFFF means the real size is in a ZIP64 field: far beyond any form anyway.
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true)
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
var EOCD, CENTRAL_HEADER, DAMAGED_ZIP;
var init_zip_directory = __esm({
  "lib/form/extract/zip-directory.ts"() {
    "use strict";
    init_refused();
    EOCD = 101010256;
    CENTRAL_HEADER = 33639248;
    DAMAGED_ZIP = "Bijlage is een beschadigd of onvolledig ZIP- of Word-bestand.";
  }
});

// lib/form/limits.ts
function sizeRefusal(length) {
  if (length <= LIMITS.maxBytes) return null;
  return `Bijlage is ${(length / 1024 / 1024).toFixed(1)} MB; een meldformulier is hooguit ${LIMITS.maxBytes / 1024 / 1024} MB.`;
}
var LIMITS;
var init_limits = __esm({
  "lib/form/limits.ts"() {
    "use strict";
    LIMITS = {
      maxBytes: 10 * 1024 * 1024,
      maxPages: 20,
      /**
       * Bytes a .docx may really inflate to, all parts read together (counted on zlib's output, not
       * on the sizes the archive declares; images are never inflated). A form's XML is ~100 kB.
       */
      maxUnzippedBytes: 16 * 1024 * 1024,
      /** Wall-clock time for one file, after which the worker is killed and replaced. */
      timeoutMs: 15e3,
      /** V8 heap of the parse worker; exceeding it ends the worker, not the process. */
      maxOldGenerationSizeMb: 256,
      maxYoungGenerationSizeMb: 32,
      /**
       * Growth of the process's resident memory while one file is parsed, past which the parse
       * thread is ended. The V8 limits above do not see ArrayBuffers, zlib or WebAssembly memory;
       * this does. A real form costs ~30 MB; the heap limits plus PDFium's cap stay below it.
       */
      maxParseRssGrowthMb: 384,
      /** How often the pool looks at that growth while a file is parsed. */
      rssCheckMs: 50,
      /**
       * Pages without usable text are read by OCR: at most this many per file, rendered at OCR_DPI,
       * each adding this much to the file's time limit (the worker tells the pool when OCR starts).
       */
      maxOcrPages: 6,
      ocrDpi: 200,
      ocrPageMs: 3e4
    };
  }
});

// lib/form/extract/deskew.ts
function skewDegrees(image) {
  const points = [];
  for (let y = 0; y < image.height; y += REDUCE) {
    for (let x = 0; x < image.width; x += REDUCE) {
      if (image.pixels[y * image.width + x] < DARK) points.push([x, y]);
    }
  }
  if (points.length < 100) return 0;
  let best = 0;
  let bestScore = -1;
  const rows = new Float64Array(Math.ceil(image.height / REDUCE) + Math.ceil(image.width / REDUCE) + 2);
  for (let degrees = -MAX_DEGREES; degrees <= MAX_DEGREES + 1e-9; degrees += STEP_DEGREES) {
    const slope = Math.tan(degrees * Math.PI / 180);
    rows.fill(0);
    const offset = Math.ceil(image.width / REDUCE);
    for (const [x, y] of points) rows[Math.round((y - x * slope) / REDUCE) + offset] += 1;
    let score = 0;
    for (const count of rows) score += count * count;
    if (score > bestScore) {
      bestScore = score;
      best = degrees;
    }
  }
  return Math.round(best * 10) / 10;
}
function rotateGray(image, degrees) {
  if (degrees === 0) return image;
  const { width, height, pixels } = image;
  const angle = degrees * Math.PI / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = Math.round(cos * (x - cx) - sin * (y - cy) + cx);
      const sy = Math.round(sin * (x - cx) + cos * (y - cy) + cy);
      if (sx >= 0 && sx < width && sy >= 0 && sy < height) out[y * width + x] = pixels[sy * width + sx];
    }
  }
  return { ...image, pixels: out };
}
var MAX_DEGREES, STEP_DEGREES, REDUCE, DARK;
var init_deskew = __esm({
  "lib/form/extract/deskew.ts"() {
    "use strict";
    MAX_DEGREES = 3;
    STEP_DEGREES = 0.1;
    REDUCE = 4;
    DARK = 128;
  }
});

// lib/form/extract/image-boxes.ts
function inked(image, x, y0, y1) {
  let count = 0;
  for (let y = y0; y <= y1; y++) if (image.pixels[y * image.width + x] < DARK2) count++;
  return count;
}
function darkShare(image, x0, y0, x1, y1) {
  let dark = 0;
  let all = 0;
  for (let y = Math.round(y0); y <= Math.round(y1); y++) {
    for (let x = Math.round(x0); x <= Math.round(x1); x++) {
      all++;
      if (image.pixels[y * image.width + x] < DARK2) dark++;
    }
  }
  return all === 0 ? 0 : dark / all;
}
function boxLeftOf(image, word) {
  const h = word.y1 - word.y0;
  const y0 = Math.max(0, Math.round(word.y0 - 0.3 * h));
  const y1 = Math.min(image.height - 1, Math.round(word.y1 + 0.3 * h));
  const from = Math.max(0, Math.round(word.x0 - 3 * h));
  let right = -1;
  let left = -1;
  for (let x = Math.round(word.x0) - 2; x >= from; x--) {
    const ink = inked(image, x, y0, y1) >= 2;
    if (ink && right === -1) right = x;
    if (!ink && right !== -1) {
      left = x + 1;
      break;
    }
  }
  if (right === -1) return null;
  if (left === -1) left = from;
  let top = -1;
  let bottom = -1;
  for (let y = y0; y <= y1; y++) {
    let ink = 0;
    for (let x = left; x <= right; x++) if (image.pixels[y * image.width + x] < DARK2) ink++;
    if (ink >= 2) {
      if (top === -1) top = y;
      bottom = y;
    }
  }
  const width = right - left + 1;
  const height = bottom - top + 1;
  if (top === -1 || width < 0.5 * h || height < 0.5 * h || width > 1.6 * h || height > 1.6 * h) return null;
  if (Math.abs(width - height) > 0.3 * Math.max(width, height)) return null;
  const sides = [
    darkShare(image, left, top, left + 0.15 * width, bottom),
    darkShare(image, right - 0.15 * width, top, right, bottom)
  ];
  if (sides.some((share) => share < 0.25)) return null;
  const inside = darkShare(
    image,
    left + 0.3 * width,
    top + 0.3 * height,
    right - 0.3 * width,
    bottom - 0.3 * height
  );
  return { x0: left, y0: top, x1: right, y1: bottom, ticked: inside > 0.15 };
}
var DARK2;
var init_image_boxes = __esm({
  "lib/form/extract/image-boxes.ts"() {
    "use strict";
    DARK2 = 140;
  }
});

// lib/form/extract/ocr-engine.ts
import { createRequire as createRequire2 } from "node:module";
import path from "node:path";
function start() {
  recogniser ??= (async () => {
    const { createWorker, OEM } = await import("tesseract.js");
    const require2 = createRequire2(import.meta.url);
    const langPath = path.join(path.dirname(require2.resolve("@tesseract.js-data/nld/package.json")), "4.0.0");
    return createWorker("nld", OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: "none" });
  })().catch((error) => {
    recogniser = null;
    throw error;
  });
  return recogniser;
}
function pgm(image) {
  const header = Buffer.from(`P5
${image.width} ${image.height}
255
`, "latin1");
  return Buffer.concat([header, image.pixels]);
}
async function recognise(image) {
  const worker = await start();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("OCR time limit")), PAGE_TIMEOUT_MS);
  });
  try {
    const { data } = await Promise.race([
      worker.recognize(pgm(image), {}, { blocks: true, text: false }),
      timeout
    ]);
    const lines = [];
    for (const block of data.blocks ?? [])
      for (const paragraph of block.paragraphs)
        for (const line of paragraph.lines)
          lines.push({
            y1: line.bbox.y1,
            words: line.words.map((word) => ({ text: word.text, confidence: word.confidence, ...word.bbox }))
          });
    return lines;
  } catch (error) {
    recogniser = null;
    void worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
var PAGE_TIMEOUT_MS, recogniser;
var init_ocr_engine = __esm({
  "lib/form/extract/ocr-engine.ts"() {
    "use strict";
    PAGE_TIMEOUT_MS = 3e4;
    recogniser = null;
  }
});

// lib/form/extract/ocr-page.ts
var ocr_page_exports = {};
__export(ocr_page_exports, {
  ocrPage: () => ocrPage
});
function findBoxes(image, lines) {
  const boxes = [];
  for (const line of lines) {
    const real = line.words.filter((word) => !isJunk(word));
    real.forEach((word, i) => {
      if (i > 0 && !OPTION.test(word.text)) return;
      const box = boxLeftOf(image, word);
      if (box && !real.some((other) => other !== word && other.x1 > box.x0 && other.x0 < box.x1))
        boxes.push(box);
    });
  }
  return boxes;
}
async function ocrPage(scan) {
  const image = rotateGray(scan, skewDegrees(scan));
  const { scale, height } = image;
  const lines = await recognise(image);
  const boxes = findBoxes(image, lines);
  const toY = (pixelY) => (height - pixelY) / scale;
  const runs = [];
  const words = [];
  for (const line of lines) {
    const kept = line.words.filter(
      (word) => word.text.trim() !== "" && // A speck Tesseract itself doubts ("E" at 0 %) is noise, not a value.
      !(word.confidence < NOISE_CONFIDENCE && [...word.text.trim()].length <= 2) && !boxes.some((box) => overlaps(word, box))
    );
    if (kept.length === 0) continue;
    const size = Math.max(...kept.map((word) => word.y1 - word.y0)) / scale / 1.15;
    const y = toY(line.y1) + 0.2 * size;
    const run = [];
    for (const word of kept) {
      words.push(word);
      const left = word.x0 / scale;
      const step = (word.x1 - word.x0) / scale / [...word.text].length;
      if (run.length > 0) run.push({ text: " ", x: left - 0.3 * size, y, right: left, size });
      [...word.text].forEach((char, i) => {
        run.push({ text: char, x: left + i * step, y, right: left + (i + 1) * step, size });
      });
    }
    runs.push(run);
  }
  for (const box of boxes) {
    const size = (box.y1 - box.y0) / scale;
    const x = box.x0 / scale;
    runs.push([{ text: box.ticked ? "\u2612" : "\u2610", x, right: x + size / 2, y: toY(box.y1) + 0.15 * size, size }]);
  }
  return { runs, words, boxes: boxes.length };
}
var NOISE_CONFIDENCE, overlaps, JUNK, SHORT_WORDS, isJunk, OPTION;
var init_ocr_page = __esm({
  "lib/form/extract/ocr-page.ts"() {
    "use strict";
    init_deskew();
    init_image_boxes();
    init_ocr_engine();
    NOISE_CONFIDENCE = 20;
    overlaps = (word, box) => {
      const x = Math.min(word.x1, box.x1) - Math.max(word.x0, box.x0);
      const y = Math.min(word.y1, box.y1) - Math.max(word.y0, box.y0);
      return x > 0 && y > 0 && x * y > 0.3 * (word.x1 - word.x0) * (word.y1 - word.y0);
    };
    JUNK = /^(?:[^\p{L}\p{N}]+|\p{L}{1,2}[^\p{L}\p{N}]*)$/iu;
    SHORT_WORDS = /* @__PURE__ */ new Set([
      "de",
      "in",
      "op",
      "ja",
      "en",
      "om",
      "is",
      "er",
      "te",
      "al",
      "of",
      "na",
      "nu",
      "zo",
      "ze",
      "ik"
    ]);
    isJunk = (word) => JUNK.test(word.text.trim()) && !SHORT_WORDS.has(word.text.trim().toLowerCase());
    OPTION = /^(?:ja|nee|op|tussen|niet|naam|adres|telefoonnummer)\b/i;
  }
});

// lib/form/extract/field-synonyms.ts
function squashName(name) {
  const last = name.replace(/\[\d+\]/g, "").split(".").at(-1) ?? name;
  return last.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}
function lookUp(table, squashed) {
  for (const candidate of [squashed, squashed.replace(PREFIXES, "")]) {
    for (const [path3, names] of Object.entries(table)) if (names.includes(candidate)) return path3;
  }
  return null;
}
function instantiePath(squashed) {
  if (!/instantie|agency|organisation|provider|contactpersoon/.test(squashed)) return null;
  const match = INSTANTIE.exec(squashed);
  const number = match?.[1] ?? match?.[3];
  if (!match || !number) return null;
  const slot = match[2] ? SLOT[match[2]] : "naam";
  return `hulpverlening.instanties.${Number(number) - 1}.${slot}`;
}
function fieldMeaning(name) {
  const squashed = squashName(name);
  if (squashed === "") return null;
  if (IGNORED.has(squashed)) return { kind: "ignore" };
  const option = OPTION2[squashed] ?? OPTION2[squashed.replace(PREFIXES, "")];
  if (option) return { kind: "option", path: option[0], value: option[1] };
  const instantie = instantiePath(squashed);
  if (instantie) return { kind: "text", path: instantie };
  const text2 = lookUp(TEXT2, squashed);
  if (text2) return { kind: "text", path: text2 };
  const choice = lookUp(CHOICE, squashed);
  return choice ? { kind: "choice", path: choice } : null;
}
function choiceValue(value) {
  return VALUES[squashName(value)] ?? null;
}
var TEXT2, CHOICE, OPTION2, PREFIXES, INSTANTIE, SLOT, IGNORED, VALUES;
var init_field_synonyms = __esm({
  "lib/form/extract/field-synonyms.ts"() {
    "use strict";
    TEXT2 = {
      kenmerk: [
        "onskenmerk",
        "kenmerk",
        "registratienummer",
        "referencenumber",
        "reference",
        "casenumber",
        "bvhnummer"
      ],
      "behandelaar.naam": [
        "behandelddoor",
        "behandelaar",
        "naambehandelaar",
        "officername",
        "officer",
        "handledby"
      ],
      "behandelaar.telefoon": ["telefoon", "telefoonbehandelaar", "officerphone", "officertelephone"],
      "behandelaar.email": ["email", "emailbehandelaar", "officeremail", "emailadres", "emailaddress"],
      "betrokkene.bsn": ["bsn", "burgerservicenummer", "citizenservicenumber"],
      "betrokkene.voornamen": ["voornamen", "voornaam", "firstnames", "firstname", "givennames", "givenname"],
      "betrokkene.voorvoegsel": ["voorvoegsel", "tussenvoegsel", "voorvoegsels", "nameprefix", "prefix", "infix"],
      "betrokkene.achternaam": [
        "achternaam",
        "familienaam",
        "geslachtsnaam",
        "lastname",
        "surname",
        "familyname"
      ],
      "betrokkene.geboortedatum": ["geboortedatum", "dateofbirth", "birthdate", "dob"],
      "betrokkene.geboorteplaats": ["geboorteplaats", "placeofbirth", "birthplace"],
      "betrokkene.geboorteland": ["geboorteland", "countryofbirth", "birthcountry"],
      "betrokkene.geslacht": ["geslacht", "gender", "sex"],
      "betrokkene.adres": ["adres", "straatadres", "streetaddress", "address", "straat", "street"],
      "betrokkene.postcode": ["postcode", "postalcode", "zipcode", "zip"],
      "betrokkene.plaats": ["plaats", "woonplaats", "city", "town", "residence"],
      "betrokkene.land": ["land", "country"],
      "betrokkene.telefoonnummers": ["telefoonnummer", "telefoonnummers", "phonenumbers", "phonenumber", "phone"],
      "voorval.postcode": ["postcodevoorval", "incidentpostalcode", "incidentzipcode", "incidentpostcode"],
      "voorval.plaats": ["plaatsvoorval", "incidentcity", "incidentplace", "incidentlocation"],
      meldingTijdstip: ["datumtijdmelding", "reportdatetime", "datetimereport", "meldingdatumtijd", "reportedat"],
      redenAanmelding: [
        "redenaanmelding",
        "omschrijvingredenaanmelding",
        "reasonforreferral",
        "reason",
        "concerns"
      ],
      "huisarts.naam": ["naamhuisarts", "huisarts", "gpname", "generalpractitioner"],
      "huisarts.adres": ["adreshuisarts", "gpaddress"],
      "huisarts.telefoon": ["telefoonnummerhuisarts", "telefoonhuisarts", "gpphone"],
      nietGeinformeerdReden: ["nietgeinformeerdreden", "redennietgeinformeerd", "notinformedreason"],
      "organisatie.eenheid": ["eenheid", "policeunit", "unit"],
      "organisatie.basisteam": ["basisteam", "team"],
      "voorval.op.datum": ["voorvalopdatum", "incidentdate", "datumvoorval"],
      "voorval.op.tijd": ["voorvaloptijd", "incidenttime", "tijdvoorval"],
      "voorval.van.datum": ["voorvaltussendatumbegin", "incidentstartdate", "voorvalvandatum"],
      "voorval.van.tijd": ["voorvaltussentijdbegin", "incidentstarttime", "voorvalvantijd"],
      "voorval.tot.datum": ["voorvaltussendatumeind", "incidentenddate", "voorvaltotdatum"],
      "voorval.tot.tijd": ["voorvaltussentijdeind", "incidentendtime", "voorvaltottijd"]
    };
    CHOICE = {
      veiligThuisGemeld: ["veiligthuis", "veiligthuisgemeld", "meldingveiligthuis", "reportedtoveiligthuis"],
      "hulpverlening.bestaand": ["hulpverlening", "bestaandehulpverlening", "existingcare", "careinvolved"],
      betrokkeneGeinformeerd: ["geinformeerd", "betrokkenegeinformeerd", "subjectinformed", "informed"],
      telefonischContactGewenst: [
        "telefonischcontact",
        "telefonischcontactgewenst",
        "phonecontactwanted",
        "contactbyphone"
      ],
      voorval: ["voorval", "voorvalwanneer", "incidentwhen"]
    };
    OPTION2 = {
      veiligthuisja: ["veiligThuisGemeld", "ja"],
      veiligthuisnee: ["veiligThuisGemeld", "nee"],
      hulpverleningnietbekend: ["hulpverlening.bestaand", "niet_bekend"],
      hulpverleningnee: ["hulpverlening.bestaand", "nee"],
      hulpverleningja: ["hulpverlening.bestaand", "ja"],
      huisartsnietbekend: ["huisarts.nietBekend", "ja"],
      geinformeerdja: ["betrokkeneGeinformeerd", "ja"],
      geinformeerdnee: ["betrokkeneGeinformeerd", "nee"],
      telefonischcontactja: ["telefonischContactGewenst", "ja"],
      telefonischcontactnee: ["telefonischContactGewenst", "nee"],
      voorvalop: ["voorval", "op"],
      voorvaltussen: ["voorval", "tussen"]
    };
    PREFIXES = /^(?:betrokkene|txt|fld|field|tf|cb|chk|check|checkbox)(?=[a-z])/;
    INSTANTIE = /^(?:hulpverlening)?(?:instantie|agency|organisatie|organisation|provider)?(\d+)?(naam|name|instantie|contactpersoon|contact|telefoonnummer|telefoon|phone)?(?:instantie)?(\d+)?$/;
    SLOT = {
      naam: "naam",
      name: "naam",
      instantie: "naam",
      contactpersoon: "contactpersoon",
      contact: "contactpersoon",
      telefoonnummer: "telefoon",
      telefoon: "telefoon",
      phone: "telefoon"
    };
    IGNORED = /* @__PURE__ */ new Set([
      "huisartsbekend",
      "huisartsnaamcheck",
      "huisartsadrescheck",
      "huisartstelefooncheck"
    ]);
    VALUES = {
      ja: "ja",
      yes: "ja",
      y: "ja",
      j: "ja",
      true: "ja",
      on: "ja",
      1: "ja",
      nee: "nee",
      no: "nee",
      n: "nee",
      false: "nee",
      0: "nee",
      nietbekend: "niet_bekend",
      onbekend: "niet_bekend",
      unknown: "niet_bekend",
      op: "op",
      tussen: "tussen",
      between: "tussen"
    };
  }
});

// lib/form/extract/acroform.ts
var acroform_exports = {};
__export(acroform_exports, {
  readAcroform: () => readAcroform
});
import {
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFRef,
  PDFString,
  PDFHexString,
  PDFTextField,
  ParseSpeeds
} from "pdf-lib";
function tooltip(field) {
  const value = field.acroField.dict.lookup(PDFName.of("TU"));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}
function boxState(field) {
  const states = field.acroField.getWidgets().map((widget) => widget.getAppearanceState()?.decodeText()).filter((state) => state !== void 0);
  const onState = states.find((state) => state !== "Off") ?? null;
  let checked = false;
  try {
    checked = field.isChecked();
  } catch {
  }
  return { ticked: checked || onState !== null, exportValue: onState };
}
function valueOf(field) {
  if (field instanceof PDFCheckBox) return boxState(field);
  if (field instanceof PDFTextField) return { text: field.getText() ?? "" };
  if (field instanceof PDFRadioGroup) {
    const selected = field.getSelected();
    return { ticked: selected !== void 0, exportValue: selected ?? null };
  }
  if (field instanceof PDFDropdown || field instanceof PDFOptionList)
    return { text: field.getSelected()[0] ?? "" };
  return null;
}
function widgetPages(document) {
  const pages = /* @__PURE__ */ new Map();
  document.getPages().forEach((page, index) => {
    for (const ref of page.node.Annots()?.asArray() ?? []) if (ref instanceof PDFRef) pages.set(ref, index);
  });
  return pages;
}
function placedValues(document, field, value) {
  const pages = widgetPages(document);
  const placed = [];
  for (const widget of field.acroField.getWidgets()) {
    const ref = document.context.getObjectRef(widget.dict);
    const page = ref ? pages.get(ref) : void 0;
    if (page === void 0) continue;
    const rect = widget.getRectangle();
    const own = "text" in value ? { text: value.text } : { ticked: widget.getAppearanceState()?.decodeText() !== "Off" && value.ticked };
    placed.push({ page, ...rect, ...own });
  }
  return placed;
}
function apply(raw, meaning, value, parts) {
  if (meaning.kind === "ignore") return;
  if (meaning.kind === "option") {
    if ("ticked" in value && value.ticked) raw[meaning.path] = meaning.value;
    return;
  }
  const text2 = "text" in value ? value.text : value.exportValue ?? "";
  if (text2.trim() === "") return;
  if (meaning.kind === "choice") {
    const chosen = choiceValue(text2);
    if (chosen) raw[meaning.path] = chosen;
  } else if (/^(?:organisatie|voorval)\./.test(meaning.path) && meaning.path !== "voorval.postcode" && meaning.path !== "voorval.plaats") {
    parts.set(meaning.path, text2);
  } else {
    raw[meaning.path] = text2;
  }
}
function combineParts(raw, parts) {
  const eenheid = parts.get("organisatie.eenheid");
  if (eenheid) raw.organisatieonderdeel = `${eenheid}
basisteam ${parts.get("organisatie.basisteam") ?? ""}`;
  const at = (prefix) => parts.has(`${prefix}.datum`) || parts.has(`${prefix}.tijd`) ? `${parts.get(`${prefix}.datum`) ?? ""} ${parts.get(`${prefix}.tijd`) ?? ""}` : void 0;
  const chosen = raw.voorval ?? (at("voorval.van") ? "tussen" : at("voorval.op") ? "op" : void 0);
  delete raw.voorval;
  const voorval = chosen === "tussen" ? { van: at("voorval.van"), tot: at("voorval.tot") } : chosen === "op" ? { van: at("voorval.op"), tot: at("voorval.op") } : {};
  if (voorval.van) raw["voorval.van"] = voorval.van;
  if (voorval.tot) raw["voorval.tot"] = voorval.tot;
}
async function readAcroform(bytes) {
  let document;
  try {
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
      // The default yields to the event loop every 100 objects; the parse thread has nothing else to do.
      parseSpeed: ParseSpeeds.Fastest
    });
  } catch {
    return { raw: null, placed: [] };
  }
  const raw = {};
  const parts = /* @__PURE__ */ new Map();
  const placed = [];
  for (const field of document.getForm().getFields()) {
    const value = valueOf(field);
    if (!value) continue;
    const meaning = fieldMeaning(field.getName()) ?? fieldMeaning(tooltip(field) ?? "");
    if (meaning) apply(raw, meaning, value, parts);
    else placed.push(...placedValues(document, field, value));
  }
  combineParts(raw, parts);
  return { raw: Object.keys(raw).length > 0 ? raw : null, placed };
}
var init_acroform = __esm({
  "lib/form/extract/acroform.ts"() {
    "use strict";
    init_field_synonyms();
  }
});

// lib/form/extract/bounded-zip.ts
import { inflateRawSync } from "node:zlib";
function compressedData(bytes, entry) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new RefusedFile(DAMAGED_ZIP);
  const start2 = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start2 + entry.compressedSize;
  if (end > bytes.length) throw new RefusedFile(DAMAGED_ZIP);
  return bytes.subarray(start2, end);
}
function inflateEntry(bytes, entry) {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw new RefusedFile(LYING);
    return data;
  }
  if (entry.method !== 8) throw new RefusedFile(DAMAGED_ZIP);
  let output;
  try {
    output = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch (error) {
    if (error.code === "ERR_BUFFER_TOO_LARGE") throw new RefusedFile(LYING);
    throw new RefusedFile(DAMAGED_ZIP);
  }
  if (output.length !== entry.uncompressedSize) throw new RefusedFile(LYING);
  return output;
}
function openBoundedZip(bytes, budgetBytes) {
  const entries = new Map(readZipDirectory(bytes).map((entry) => [entry.name, entry]));
  let spent2 = 0;
  return {
    exists: (name) => entries.has(name),
    read: async (name, encoding) => {
      const entry = entries.get(name);
      if (!entry) throw new RefusedFile(DAMAGED_ZIP);
      if (spent2 + entry.uncompressedSize > budgetBytes) throw new RefusedFile(TOO_LARGE);
      const output = inflateEntry(bytes, entry);
      spent2 += output.length;
      if (encoding === "base64") return Buffer.from(output).toString("base64");
      return encoding ? new TextDecoder(encoding).decode(output) : output;
    }
  };
}
var LOCAL_HEADER, LYING, TOO_LARGE;
var init_bounded_zip = __esm({
  "lib/form/extract/bounded-zip.ts"() {
    "use strict";
    init_refused();
    init_zip_directory();
    LOCAL_HEADER = 67324752;
    LYING = "Bijlage is een Word-document dat uitgepakt groter is dan het opgeeft; het wordt niet gelezen.";
    TOO_LARGE = "Bijlage is een Word-document dat uitgepakt te groot is; het wordt niet gelezen.";
  }
});

// lib/form/extract/html-lines.ts
function decode(text2) {
  return text2.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code) => {
    if (code[0] === "#")
      return String.fromCodePoint(
        code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : Number(code.slice(1))
      );
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}
function htmlToLines(html) {
  const lines = [];
  const rows = [];
  let paragraph = "";
  const cells = [];
  const endParagraph = () => {
    const text2 = decode(paragraph).replace(/\s+/g, " ").trim();
    paragraph = "";
    if (text2 === "") return;
    (cells.at(-1) ?? lines).push(text2);
  };
  const endRow = () => {
    const row = rows.pop();
    if (!row) return;
    if (row.every((c) => c.length <= 1)) {
      const line = row.flat().join(" ");
      if (line !== "") pushRowLine([line]);
    } else {
      pushRowLine(row.flat());
    }
  };
  const pushRowLine = (rowLines) => (cells.at(-1) ?? lines).push(...rowLines);
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token.startsWith("<")) {
      paragraph += token;
      continue;
    }
    const tag = /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase();
    const closing = token.startsWith("</");
    switch (tag) {
      case "p":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
      case "li":
        endParagraph();
        break;
      case "br":
        endParagraph();
        break;
      case "tr":
        endParagraph();
        if (closing) endRow();
        else rows.push([]);
        break;
      case "td":
      case "th":
        endParagraph();
        if (closing) cells.pop();
        else {
          const cell = [];
          cells.push(cell);
          rows.at(-1)?.push(cell);
        }
        break;
      default:
        break;
    }
  }
  endParagraph();
  return lines;
}
var ENTITIES;
var init_html_lines = __esm({
  "lib/form/extract/html-lines.ts"() {
    "use strict";
    ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  }
});

// lib/form/extract/docx.ts
var docx_exports = {};
__export(docx_exports, {
  extractDocx: () => extractDocx
});
import mammoth from "mammoth";
async function extractDocx(bytes) {
  const archive = openBoundedZip(bytes, LIMITS.maxUnzippedBytes);
  try {
    const input = { file: archive };
    const { value } = await mammoth.convertToHtml(input, {
      convertImage: skipImage
    });
    return htmlToLines(value).join("\n");
  } catch (error) {
    if (error instanceof RefusedFile) throw error;
    throw new RefusedFile("Bijlage is een beschadigd of onleesbaar Word-document.");
  }
}
var skipImage;
var init_docx = __esm({
  "lib/form/extract/docx.ts"() {
    "use strict";
    init_limits();
    init_bounded_zip();
    init_html_lines();
    init_refused();
    skipImage = mammoth.images.imgElement(async () => ({ src: "" }));
  }
});

// ../../../tmp/parser-prof/prof.mts
import { existsSync, readdirSync, readFileSync as readFileSync2 } from "node:fs";
import path2 from "node:path";

// lib/form/field-names.ts
var FIELD_NAMES = {
  bestand: "Bijlage",
  kenmerk: "Ons kenmerk",
  organisatieonderdeel: "Organisatieonderdeel",
  "behandelaar.naam": "Behandeld door",
  "behandelaar.telefoon": "Telefoon behandelaar",
  "behandelaar.email": "E-mail behandelaar",
  "betrokkene.bsn": "BSN",
  "betrokkene.voornamen": "Voornamen",
  "betrokkene.voorvoegsel": "Voorvoegsel",
  "betrokkene.achternaam": "Achternaam",
  "betrokkene.geboortedatum": "Geboortedatum",
  "betrokkene.geboorteplaats": "Geboorteplaats",
  "betrokkene.geboorteland": "Geboorteland",
  "betrokkene.geslacht": "Geslacht",
  "betrokkene.adres": "Adres",
  "betrokkene.postcode": "Postcode",
  "betrokkene.plaats": "Plaats",
  "betrokkene.land": "Land",
  "betrokkene.telefoonnummers": "Telefoonnummer betrokkene",
  "voorval.van": "Datum/tijd voorval",
  "voorval.tot": "Datum/tijd voorval (einde)",
  "voorval.postcode": "Plaats voorval (postcode)",
  "voorval.plaats": "Plaats voorval",
  meldingTijdstip: "Datum/tijd melding",
  redenAanmelding: "Reden aanmelding",
  "huisarts.telefoon": "Telefoonnummer huisarts"
};
function fieldName(path3) {
  if (path3.startsWith("hulpverlening.instanties.")) {
    const [, , index, slot] = path3.split(".");
    return `${slot === "telefoon" ? "Telefoonnummer" : slot === "naam" ? "Instantie" : "Contactpersoon"} van hulpverleningsinstantie ${Number(index) + 1}`;
  }
  return FIELD_NAMES[path3] ?? path3;
}

// lib/form/read/glyphs.ts
var TICKED = String.raw`☒|☑|✓|✔|✗|✘|■|⊠|\[[xX✓✔]\]|\uF0FE|\uF0FD|\uF078`;
var UNTICKED = String.raw`☐|□|❑|❏|\[ ?\]|\uF0A8|\uF06F`;
var GLYPH_SOURCE = `(?:(${TICKED})|(${UNTICKED}))`;
var GLYPH_ANYWHERE = new RegExp(GLYPH_SOURCE, "gu");
function hasTickedGlyph(text2) {
  return [...text2.matchAll(GLYPH_ANYWHERE)].some((m) => m[1] !== void 0);
}
function hasGlyph(text2) {
  GLYPH_ANYWHERE.lastIndex = 0;
  return GLYPH_ANYWHERE.test(text2);
}
function stripGlyphs(text2) {
  return text2.replace(GLYPH_ANYWHERE, " ");
}
function tokenizeLine(line) {
  const tokens = [];
  let last = 0;
  const pushText = (text2) => {
    const trimmed = text2.trim();
    if (trimmed !== "") tokens.push({ kind: "text", text: trimmed });
  };
  for (const match of line.matchAll(GLYPH_ANYWHERE)) {
    pushText(line.slice(last, match.index));
    tokens.push({ kind: "glyph", ticked: match[1] !== void 0 });
    last = match.index + match[0].length;
  }
  pushText(line.slice(last));
  return tokens;
}

// lib/form/normalise/date.ts
var MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december"
];
var NUMERIC_DMY = /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/;
var NUMERIC_YMD = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
var WRITTEN = /(?<!\d)(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?!\d)/i;
var TIME = /(?<![\d.:-])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.:-])/;
function pad(n) {
  return String(n).padStart(2, "0");
}
function isoDate(year, month, day) {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}
function monthNumber(name) {
  const lower = name.toLowerCase();
  if (lower === "mrt") return 3;
  const index = MONTHS.findIndex((m) => m.startsWith(lower));
  return index === -1 ? null : index + 1;
}
function findDate(text2) {
  const candidates = [];
  const dmy = NUMERIC_DMY.exec(text2);
  if (dmy) {
    const value = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
    if (value) candidates.push({ value, index: dmy.index, end: dmy.index + dmy[0].length });
  }
  const ymd = NUMERIC_YMD.exec(text2);
  if (ymd) {
    const value = isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    if (value) candidates.push({ value, index: ymd.index, end: ymd.index + ymd[0].length });
  }
  const written = WRITTEN.exec(text2);
  const month = written ? monthNumber(written[2]) : null;
  if (written && month) {
    const value = isoDate(Number(written[3]), month, Number(written[1]));
    if (value) candidates.push({ value, index: written.index, end: written.index + written[0].length });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}
function parseDate(text2) {
  return findDate(text2)?.value ?? null;
}
function parseTime(text2) {
  const match = TIME.exec(text2);
  return match ? `${pad(Number(match[1]))}:${match[2]}` : null;
}
function parseDateTime(text2) {
  const date = findDate(text2);
  if (!date) return null;
  const time = parseTime(text2.slice(date.end));
  return time ? `${date.value}T${time}` : null;
}

// lib/form/normalise/email.ts
import { z } from "zod";
var ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/;
var VALID = z.email();
function parseEmail(text2) {
  if (text2 == null) return null;
  const address = ADDRESS.exec(text2)?.[0].toLowerCase();
  return address && VALID.safeParse(address).success ? address : null;
}
function emailDomain(address) {
  return address.slice(address.lastIndexOf("@") + 1);
}

// lib/form/normalise/phone.ts
var PHONE_RUN = /\+?\(?\d[\d\s\-.()/]*\d/;
var VALID2 = /^\+?\d{6,15}$/;
function parsePhone(text2) {
  if (text2 == null) return null;
  const run = PHONE_RUN.exec(text2);
  if (!run) return null;
  const digits = run[0].replace(/[\s\-.()/]/g, "");
  return VALID2.test(digits) ? digits : null;
}
var LIST_SEPARATOR = /\s*(?:[,;\n]|\s\/\s|\s(?:of|en)\s)\s*/i;
function parsePhoneList(text2) {
  if (text2 == null) return [];
  return text2.split(LIST_SEPARATOR).map(parsePhone).filter((phone2) => phone2 !== null);
}

// lib/form/normalise/postcode.ts
var POSTCODE = /(?<![\dA-Za-z])([1-9]\d{3})\s*([A-Za-z]{2})(?![A-Za-z\d])/;
function findPostcode(text2) {
  const match = POSTCODE.exec(text2);
  if (!match) return null;
  return {
    value: `${match[1]}${match[2].toUpperCase()}`,
    index: match.index,
    end: match.index + match[0].length
  };
}
function parsePostcode(text2) {
  return text2 == null ? null : findPostcode(text2)?.value ?? null;
}

// lib/form/normalise/text.ts
var SPACE_RUN = /[ \t\u00a0\u2000-\u200b\u2028\u202f\u205f\u3000]+/g;
function foldSpaces(value) {
  return value.replace(SPACE_RUN, " ").trim();
}
var PLACEHOLDER = /^(?:\[[^\]]*\]\s*)+$|^-\s*kies een eenheid\s*-|^kies een item\.?$/i;
function isPlaceholder(value) {
  return PLACEHOLDER.test(value.trim());
}
var OPTIONAL_HINT = /\s*\boptioneel\s*$/i;
function cleanText(value) {
  if (value == null) return null;
  const folded = foldSpaces(value.replace(/\s*\n\s*/g, " ")).replace(OPTIONAL_HINT, "");
  if (folded === "" || isPlaceholder(folded)) return null;
  return folded;
}

// lib/form/normalise/organisatie.ts
function parseOrganisatie(raw) {
  if (raw == null) return null;
  const lines = raw.split("\n").map(foldSpaces).filter((line) => line !== "");
  const [eenheid, ...rest] = lines;
  if (eenheid === void 0 || isPlaceholder(eenheid)) return null;
  const parts = [eenheid, ...rest].filter((part) => !/^basisteam$/i.test(part) && !isPlaceholder(part));
  return parts.join(", ");
}

// lib/form/build.ts
var GESLACHT = {
  man: "man",
  m: "man",
  mannelijk: "man",
  vrouw: "vrouw",
  v: "vrouw",
  vrouwelijk: "vrouw",
  onbekend: "onbekend",
  x: "onbekend",
  anders: "onbekend"
};
var JA_NEE = /* @__PURE__ */ new Set(["ja", "nee"]);
var BESTAAND = /* @__PURE__ */ new Set(["ja", "nee", "niet_bekend"]);
function buildFormulier(raw) {
  const warnings = [];
  const text2 = (path3) => cleanText(raw[path3] === void 0 ? null : stripGlyphs(raw[path3]));
  const parsed = (path3, parse, what) => {
    const value = text2(path3);
    if (value === null) return null;
    const result = parse(value);
    if (result === null) {
      warnings.push({ field: path3, message: `${fieldName(path3)} '${value}' is ${what}; niet overgenomen.` });
    }
    return result;
  };
  const phone2 = (path3) => parsed(path3, parsePhone, "geen geldig telefoonnummer");
  const choice = (path3, allowed) => allowed.has(raw[path3] ?? "") ? raw[path3] : null;
  const bsn = parsed(
    "betrokkene.bsn",
    (v) => /^\d{9}$/.test(v.replace(/[\s.]/g, "")) ? v.replace(/[\s.]/g, "") : null,
    "geen BSN van 9 cijfers"
  );
  const telefoonnummers = text2("betrokkene.telefoonnummers");
  const phones = parsePhoneList(raw["betrokkene.telefoonnummers"] ?? null);
  if (telefoonnummers !== null && phones.length === 0) {
    warnings.push({
      field: "betrokkene.telefoonnummers",
      message: `Telefoonnummer betrokkene '${telefoonnummers}' is geen geldig telefoonnummer; niet overgenomen.`
    });
  }
  const instanties = [];
  for (let i = 0; raw[`hulpverlening.instanties.${i}.naam`] !== void 0 || raw[`hulpverlening.instanties.${i}.contactpersoon`] !== void 0 || raw[`hulpverlening.instanties.${i}.telefoon`] !== void 0; i++) {
    const base = `hulpverlening.instanties.${i}`;
    const instantie = {
      naam: text2(`${base}.naam`),
      contactpersoon: text2(`${base}.contactpersoon`),
      telefoon: phone2(`${base}.telefoon`)
    };
    if (instantie.naam || instantie.contactpersoon || instantie.telefoon) instanties.push(instantie);
  }
  const huisarts = {
    naam: text2("huisarts.naam"),
    adres: text2("huisarts.adres"),
    telefoon: phone2("huisarts.telefoon")
  };
  const huisartsBekend = raw["huisarts.nietBekend"] === "ja" ? false : huisarts.naam || huisarts.adres || huisarts.telefoon ? true : null;
  const geinformeerd = choice("betrokkeneGeinformeerd", JA_NEE);
  const formulier = {
    schema: "meldformulier/1",
    kenmerk: text2("kenmerk"),
    organisatieonderdeel: parseOrganisatie(raw.organisatieonderdeel ?? null),
    behandelaar: {
      naam: text2("behandelaar.naam"),
      telefoon: phone2("behandelaar.telefoon"),
      email: parsed("behandelaar.email", parseEmail, "geen geldig e-mailadres")
    },
    betrokkene: {
      bsn,
      voornamen: text2("betrokkene.voornamen"),
      voorvoegsel: text2("betrokkene.voorvoegsel"),
      achternaam: text2("betrokkene.achternaam"),
      geboortedatum: parsed("betrokkene.geboortedatum", parseDate, "geen geldige datum"),
      geboorteplaats: text2("betrokkene.geboorteplaats"),
      geboorteland: text2("betrokkene.geboorteland"),
      geslacht: parsed(
        "betrokkene.geslacht",
        (v) => GESLACHT[v.toLowerCase()] ?? null,
        "geen geslacht (man, vrouw, onbekend)"
      ),
      adres: text2("betrokkene.adres"),
      postcode: parsed("betrokkene.postcode", parsePostcode, "geen geldige postcode"),
      plaats: text2("betrokkene.plaats"),
      land: text2("betrokkene.land"),
      telefoonnummers: phones
    },
    voorval: {
      van: parsed("voorval.van", parseDateTime, "geen datum met tijd"),
      // "Op D om T uur" gives van = tot: one warning for an unreadable date is enough.
      tot: raw["voorval.tot"] === raw["voorval.van"] ? parseDateTime(text2("voorval.tot") ?? "") : parsed("voorval.tot", parseDateTime, "geen datum met tijd"),
      postcode: parsed("voorval.postcode", parsePostcode, "geen geldige postcode"),
      plaats: text2("voorval.plaats")
    },
    meldingTijdstip: parsed("meldingTijdstip", parseDateTime, "geen datum met tijd"),
    redenAanmelding: raw.redenAanmelding?.trim() || null,
    veiligThuisGemeld: choice("veiligThuisGemeld", JA_NEE),
    hulpverlening: { bestaand: choice("hulpverlening.bestaand", BESTAAND), instanties },
    huisarts: { bekend: huisartsBekend, ...huisarts },
    betrokkeneGeinformeerd: geinformeerd,
    nietGeinformeerdReden: geinformeerd === "ja" ? null : text2("nietGeinformeerdReden"),
    telefonischContactGewenst: choice("telefonischContactGewenst", JA_NEE)
  };
  return { formulier, warnings };
}

// lib/form/checks.ts
var KENMERK = /^PL\d{4}-(\d{4})\d+$/;
function passesElfproef(bsn) {
  const digits = [...bsn].map(Number);
  if (digits.length !== 9 || digits.every((d) => d === 0)) return false;
  const sum = digits.slice(0, 8).reduce((total2, d, i) => total2 + d * (9 - i), 0) - digits[8];
  return sum % 11 === 0;
}
var AMSTERDAM = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23"
});
function localDateTime(now) {
  return AMSTERDAM.format(now).replace(" ", "T");
}
function isTrusted(address, trustedDomains) {
  const domain = emailDomain(address);
  return trustedDomains.some(
    (trusted) => domain === trusted.toLowerCase() || domain.endsWith(`.${trusted.toLowerCase()}`)
  );
}
function checkFormulier({ formulier: f }, options) {
  const warnings = [];
  const errors = [];
  const today = localDateTime(options.now).slice(0, 10);
  if (f.kenmerk === null) {
    errors.push({
      field: "kenmerk",
      message: "Het kenmerk (Ons kenmerk / registratienummer) ontbreekt in het meldformulier."
    });
  } else {
    const year = Number(KENMERK.exec(f.kenmerk)?.[1]);
    if (!(year >= 2e3 && year <= Number(today.slice(0, 4)) + 1)) {
      warnings.push({
        field: "kenmerk",
        message: `Het kenmerk '${f.kenmerk}' heeft niet de vorm PL<4 cijfers>-<jaar><volgnummer>.`
      });
    }
  }
  if (f.redenAanmelding === null) {
    errors.push({
      field: "redenAanmelding",
      message: "De reden aanmelding (omschrijving van de zorgen) ontbreekt in het meldformulier."
    });
  }
  if (f.behandelaar.email === null) {
    errors.push({
      field: "behandelaar.email",
      message: "Het e-mailadres van de behandelaar ontbreekt in het meldformulier."
    });
  } else if (!isTrusted(f.behandelaar.email, options.trustedDomains)) {
    warnings.push({
      field: "behandelaar.email",
      message: `Het e-mailadres van de behandelaar '${f.behandelaar.email}' is geen adres van ${options.trustedDomains.join(" of ")}.`
    });
  }
  const { bsn, geboortedatum } = f.betrokkene;
  if (bsn !== null && !passesElfproef(bsn)) {
    warnings.push({ field: "betrokkene.bsn", message: `Het BSN '${bsn}' voldoet niet aan de elfproef.` });
  }
  if (geboortedatum !== null) {
    const oldest = `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`;
    if (geboortedatum > today) {
      warnings.push({
        field: "betrokkene.geboortedatum",
        message: `De geboortedatum ${geboortedatum} ligt in de toekomst.`
      });
    } else if (geboortedatum < oldest) {
      warnings.push({
        field: "betrokkene.geboortedatum",
        message: `De geboortedatum ${geboortedatum} ligt meer dan 120 jaar terug.`
      });
    }
  }
  if (f.voorval.van !== null && f.meldingTijdstip !== null && f.voorval.van > f.meldingTijdstip) {
    warnings.push({
      field: "voorval.van",
      message: `De datum/tijd van het voorval (${f.voorval.van.replace("T", " ")}) ligt na de datum/tijd van de melding (${f.meldingTijdstip.replace("T", " ")}).`
    });
  }
  return { warnings, errors };
}

// lib/form/extract/detect.ts
init_zip_directory();
var startsWith = (bytes, ...signature2) => signature2.every((b, i) => bytes[i] === b);
var ascii = (bytes, length) => new TextDecoder("latin1").decode(bytes.subarray(0, length));
function detectType(bytes) {
  if (bytes.length === 0) return { kind: "other", description: "een leeg bestand" };
  if (ascii(bytes, 1024).includes("%PDF-")) return { kind: "pdf" };
  if (startsWith(bytes, 80, 75, 3, 4) || startsWith(bytes, 80, 75, 5, 6)) {
    const names = readZipDirectory(bytes).map((entry) => entry.name);
    if (names.includes("word/document.xml")) return { kind: "docx" };
    if (names.some((name) => name.startsWith("xl/")))
      return { kind: "other", description: "een Excel-bestand" };
    if (names.some((name) => name.startsWith("ppt/")))
      return { kind: "other", description: "een PowerPoint-bestand" };
    return { kind: "other", description: "een ZIP-bestand" };
  }
  if (startsWith(bytes, 208, 207, 17, 224))
    return { kind: "other", description: "een oud Office-bestand (.doc/.xls)" };
  if (startsWith(bytes, 137, 80, 78, 71)) return { kind: "other", description: "een PNG-afbeelding" };
  if (startsWith(bytes, 255, 216, 255)) return { kind: "other", description: "een JPEG-afbeelding" };
  if (ascii(bytes, 4) === "GIF8") return { kind: "other", description: "een GIF-afbeelding" };
  if (startsWith(bytes, 73, 73, 42, 0) || startsWith(bytes, 77, 77, 0, 42))
    return { kind: "other", description: "een TIFF-afbeelding" };
  if (ascii(bytes, 5) === "{\\rtf") return { kind: "other", description: "een RTF-document" };
  if (/^\s*<(?:!doctype html|html)/i.test(ascii(bytes, 64)))
    return { kind: "other", description: "een HTML-bestand" };
  if (startsWith(bytes, 31, 139)) return { kind: "other", description: "een gzip-bestand" };
  const head = bytes.subarray(0, 512);
  if (head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32))
    return { kind: "other", description: "een tekstbestand" };
  return { kind: "other", description: "een onbekend bestandstype" };
}

// lib/form/extract/pdf.ts
init_limits();

// lib/form/extract/page-furniture.ts
var EDGE = 3;
var PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:pagina|page|blad|p\.)\s*)?\d{1,3}(?:\s*(?:van|of|\/)\s*\d{1,3})?(?:\s*[-–—])?$/i;
function edgeSlots(count) {
  const slots = /* @__PURE__ */ new Map();
  for (let i = 0; i < Math.min(EDGE, count); i++) {
    slots.set(i, [...slots.get(i) ?? [], `t${i}`]);
    slots.set(count - 1 - i, [...slots.get(count - 1 - i) ?? [], `b${i}`]);
  }
  return slots;
}
var signature = (slot, line) => `${slot}|${Math.round(line.scale * 1e3)}|${line.text.replace(/\d+/g, "#").toLowerCase()}`;
function stripPageFurniture(pageLines2) {
  const pages = pageLines2.map(
    (lines) => lines.map((line) => ({ ...line, text: foldSpaces(line.text) })).filter((line) => line.text !== "")
  );
  const seen = /* @__PURE__ */ new Map();
  for (const lines of pages) {
    for (const [i, slots] of edgeSlots(lines.length)) {
      for (const slot of slots) {
        const key = signature(slot, lines[i]);
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  }
  return pages.flatMap((lines) => {
    const slots = edgeSlots(lines.length);
    return lines.filter((line, i) => {
      const lineSlots = slots.get(i);
      if (!lineSlots) return true;
      if (PAGE_NUMBER.test(line.text)) return false;
      if (hasGlyph(line.text)) return true;
      return !lineSlots.some((slot) => (seen.get(signature(slot, line)) ?? 0) > 1);
    });
  });
}

// lib/form/extract/drawn-boxes.ts
var PATH = 2;
var FORM = 5;
var TEXT = 1;
var MIN_BOX = 5;
var MAX_BOX = 16;
var MAX_OBJECTS = 5e3;
var IDENTITY = [1, 0, 0, 1, 0, 0];
function transform(m, r) {
  const xs = [r.left, r.right];
  const ys = [r.bottom, r.top];
  const points = xs.flatMap((x) => ys.map((y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]));
  return {
    left: Math.min(...points.map((p) => p[0])),
    right: Math.max(...points.map((p) => p[0])),
    bottom: Math.min(...points.map((p) => p[1])),
    top: Math.max(...points.map((p) => p[1]))
  };
}
function multiply(outer, inner) {
  const [a, b, c, d, e, f] = inner;
  const [A, B, C, D, E, F] = outer;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}
function collectShapes({ api, raw }, page, scratch) {
  const shapes = [];
  const floats = () => new Float32Array(raw.memory.buffer, scratch, 6);
  const visit = (object, outer) => {
    const kind = api.FPDFPageObj_GetType(object);
    if (kind === FORM) {
      const inner = api.FPDFPageObj_GetMatrix(object, scratch) ? [...floats()] : IDENTITY;
      const matrix = multiply(outer, inner);
      const count2 = api.FPDFFormObj_CountObjects(object);
      for (let i = 0; i < count2 && shapes.length < MAX_OBJECTS; i++)
        visit(api.FPDFFormObj_GetObject(object, i), matrix);
      return;
    }
    if (kind === TEXT) return;
    if (!api.FPDFPageObj_GetBounds(object, scratch, scratch + 4, scratch + 8, scratch + 12)) return;
    const [left, bottom, right, top] = floats();
    let darkFill = false;
    if (kind === PATH && api.FPDFPath_GetDrawMode(object, scratch, scratch + 16)) {
      const fillMode = new Int32Array(raw.memory.buffer, scratch, 1)[0];
      if (fillMode !== 0 && api.FPDFPageObj_GetFillColor(object, scratch, scratch + 4, scratch + 8, scratch + 12)) {
        const [r = 255, g = 255, b = 255, a = 255] = new Uint32Array(raw.memory.buffer, scratch, 4);
        darkFill = a > 128 && (r + g + b) / 3 < 160;
      }
    }
    shapes.push({
      ...transform(outer, { left, bottom, right, top }),
      kind,
      darkFill
    });
  };
  const count = api.FPDFPage_CountObjects(page);
  if (count > MAX_OBJECTS) return [];
  for (let i = 0; i < count; i++) visit(api.FPDFPage_GetObject(page, i), IDENTITY);
  return shapes;
}
var isBox = (s) => {
  const width = s.right - s.left;
  const height = s.top - s.bottom;
  return s.kind === PATH && width >= MIN_BOX && width <= MAX_BOX && height >= MIN_BOX && height <= MAX_BOX && Math.abs(width - height) <= 0.25 * Math.max(width, height);
};
function insideBox(box, inner) {
  const slack = 1;
  const within = inner.left >= box.left - slack && inner.right <= box.right + slack && inner.bottom >= box.bottom - slack && inner.top <= box.top + slack;
  const same = Math.abs(inner.left - box.left) < slack && Math.abs(inner.right - box.right) < slack && Math.abs(inner.top - box.top) < slack && Math.abs(inner.bottom - box.bottom) < slack;
  return within && (!same || inner.darkFill);
}
var center = (r) => [(r.left + r.right) / 2, (r.bottom + r.top) / 2];
function distinctBoxes(shapes) {
  const boxes = [];
  for (const shape of shapes.filter(isBox)) {
    const [x, y] = center(shape);
    const same = boxes.findIndex((box) => {
      const [bx, by] = center(box);
      return Math.abs(bx - x) < 2 && Math.abs(by - y) < 2;
    });
    if (same === -1) boxes.push(shape);
    else if (shape.right - shape.left > boxes[same].right - boxes[same].left) boxes[same] = shape;
  }
  return boxes;
}
function drawnBoxes(engine, page, scratch, texts) {
  const shapes = collectShapes(engine, page, scratch);
  return distinctBoxes(shapes).filter(
    (box) => !texts.some(
      (c) => c.text.trim() !== "" && c.x >= box.left - 1 && c.x <= box.right && c.y >= box.bottom - 2 && c.y <= box.top
    )
  ).map((box) => {
    const ticked = shapes.some((s) => insideBox(box, s));
    const size = box.top - box.bottom;
    return [
      {
        text: ticked ? "\u2612" : "\u2610",
        x: box.left,
        right: box.right,
        y: box.bottom + 0.15 * size,
        size: Math.max(size, 8)
      }
    ];
  });
}

// lib/form/extract/line-text.ts
var WORD_GAP = 0.2;
var SOFT_HYPHEN = "\xAD";
function lineText(chars) {
  let text2 = "";
  let previous;
  chars.forEach((char, i) => {
    if (char.text === SOFT_HYPHEN && i < chars.length - 1) return;
    if (previous && char.text !== " " && !text2.endsWith(" ")) {
      const gap = char.x - previous.right;
      if (gap > WORD_GAP * Math.max(char.size, previous.size) || gap < -2 * char.size) text2 += " ";
    }
    text2 += char.text;
    previous = char;
  });
  return text2;
}

// lib/form/extract/pdf-chars.ts
var CR = 13;
var LF = 10;
var LINE_END_HYPHEN = 2;
var LIGATURES = {
  64256: "ff",
  64257: "fi",
  64258: "fl",
  64259: "ffi",
  64260: "ffl",
  64261: "st",
  64262: "st"
};
var WINGDINGS = {
  111: "\u2610",
  113: "\u2751",
  168: "\u2610",
  110: "\u25A0",
  120: "\u2612",
  253: "\u2612",
  254: "\u2611",
  251: "\u2717",
  252: "\u2713"
};
var SYMBOL_FONT = /wingding|dingbat|symbol/i;
var NAME_BYTES = 64;
function inSymbolFont(raw, textPage, index, buffer) {
  const length = raw.FPDFText_GetFontInfo(textPage, index, buffer, NAME_BYTES, 0);
  const bytes = new Uint8Array(raw.memory.buffer, buffer, Math.min(length, NAME_BYTES));
  return SYMBOL_FONT.test(String.fromCharCode(...bytes.subarray(0, Math.max(0, bytes.indexOf(0)))));
}
function charText(code) {
  if (code === LINE_END_HYPHEN) return "-";
  return LIGATURES[code] ?? String.fromCharCode(code);
}
function readChars(raw, textPage, scratch) {
  const chars = [];
  const count = raw.FPDFText_CountChars(textPage);
  let nameBuffer = 0;
  const symbolFonts = /* @__PURE__ */ new Map();
  let doubles = new Float64Array(raw.memory.buffer, scratch, 2);
  let floats = new Float32Array(raw.memory.buffer, scratch + 16, 4);
  for (let i = 0; i < count; i++) {
    if (raw.FPDFText_IsGenerated(textPage, i) === 1) continue;
    const code = raw.FPDFText_GetUnicode(textPage, i);
    if (code === CR || code === LF) continue;
    raw.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
    raw.FPDFText_GetLooseCharBox(textPage, i, scratch + 16);
    const size = raw.FPDFText_GetFontSize(textPage, i);
    if (doubles.buffer !== raw.memory.buffer) {
      doubles = new Float64Array(raw.memory.buffer, scratch, 2);
      floats = new Float32Array(raw.memory.buffer, scratch + 16, 4);
    }
    const char = {
      text: charText(code),
      x: doubles[0],
      y: doubles[1],
      right: floats[2],
      size: size || 10
    };
    const symbol = code >= 61440 && code <= 61695 ? WINGDINGS[code - 61440] : WINGDINGS[code];
    if (symbol && code >= 61440) char.text = symbol;
    else if (symbol) {
      const font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(textPage, i));
      let isSymbol = symbolFonts.get(font);
      if (isSymbol === void 0) {
        nameBuffer ||= raw.malloc(NAME_BYTES);
        isSymbol = inSymbolFont(raw, textPage, i, nameBuffer);
        if (font !== 0) symbolFonts.set(font, isSymbol);
      }
      if (isSymbol) char.text = symbol;
    }
    chars.push(char);
  }
  if (nameBuffer) raw.free(nameBuffer);
  return chars;
}

// lib/form/extract/place-runs.ts
var LINE_THRESHOLD = 4.6;
var JUMP_BACK = 3;
var SAME_ROW = 0.5;
var WORD_GAP2 = 0.2;
function runsOf(chars) {
  const runs = [];
  let run = [];
  for (const char of chars) {
    const last = run.at(-1);
    if (last && (Math.abs(last.y - char.y) > LINE_THRESHOLD || char.x < last.right - 2 * char.size)) {
      runs.push(run);
      run = [];
    }
    run.push(char);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
var sizeOf = (run) => Math.max(...run.map((char) => char.size));
function pieces(run) {
  const cut = [[run[0]]];
  for (let i = 1; i < run.length; i++) {
    if (run[i].x - run[i - 1].right > 1.5 * run[i].size) cut.push([]);
    cut.at(-1).push(run[i]);
  }
  return cut;
}
function across(line, x) {
  const left = line.chars[0].x;
  const right = Math.max(...line.chars.map((char) => char.right));
  return x < left ? left - x : x > right ? x - right : 0;
}
function insertionPoint(chars, run) {
  let at = chars.findIndex((char) => char.x > run[0].x);
  if (at === -1) return chars.length;
  const inWord = (i) => chars[i].text.trim() !== "" && chars[i - 1].text.trim() !== "" && chars[i].x - chars[i - 1].right < WORD_GAP2 * chars[i].size;
  while (at > 0 && at < chars.length && inWord(at)) at++;
  return at;
}
function place(lines, run) {
  const y = run[0].y;
  const x = run[0].x;
  const tolerance = SAME_ROW * sizeOf(run);
  const rows = lines.filter((line) => Math.abs(line.y - y) <= tolerance);
  const closest = Math.min(...rows.map((line) => Math.abs(line.y - y)));
  const row = rows.filter((line) => Math.abs(line.y - y) <= closest + 1).reduce(
    (best, line) => !best || across(line, x) < across(best, x) ? line : best,
    void 0
  );
  if (row) {
    for (const piece of pieces(run)) row.chars.splice(insertionPoint(row.chars, piece), 0, ...piece);
    return;
  }
  let above = -1;
  lines.forEach((line, i) => {
    if (line.y > y && (above === -1 || line.y <= lines[above].y)) above = i;
  });
  lines.splice(above + 1, 0, { chars: run, y });
}
function placeLines(chars, drawn = []) {
  const lines = [];
  let geometric = false;
  let previous;
  for (const run of runsOf(chars)) {
    if (previous && run[0].y - previous[0].y > JUMP_BACK * sizeOf(run)) geometric = true;
    const backOnLine = previous && Math.abs(run[0].y - previous[0].y) <= LINE_THRESHOLD;
    if (geometric || backOnLine) place(lines, run);
    else lines.push({ chars: run, y: run[0].y });
    previous = run;
  }
  for (const run of drawn) place(lines, run);
  return lines;
}

// lib/form/extract/text-width.ts
var ASCII_WIDTHS = [
  278,
  278,
  355,
  556,
  556,
  889,
  667,
  191,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278,
  // space … /
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  584,
  584,
  584,
  556,
  // 0 … ?
  1015,
  667,
  667,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  500,
  667,
  556,
  833,
  722,
  778,
  // @ … O
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  278,
  278,
  278,
  469,
  556,
  // P … _
  333,
  556,
  556,
  500,
  556,
  556,
  278,
  556,
  556,
  222,
  222,
  500,
  222,
  833,
  556,
  556,
  // ` … o
  556,
  556,
  333,
  500,
  278,
  556,
  500,
  722,
  500,
  500,
  500,
  334,
  260,
  334,
  584
  // p … ~
];
var DEFAULT_WIDTH = 556;
function textWidth(text2) {
  let width = 0;
  for (const char of /[^\x20-\x7e]/.test(text2) ? text2.normalize("NFD") : text2) {
    const code = char.codePointAt(0);
    if (code >= 768 && code <= 879) continue;
    width += code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32] : DEFAULT_WIDTH;
  }
  return width;
}

// lib/form/extract/usable-text.ts
var MIN_CHARS = 25;
var MIN_LETTER_SHARE = 0.5;
function hasUsableText(chars) {
  let printed = 0;
  let letters = 0;
  for (const char of chars) {
    if (char.text.trim() === "") continue;
    printed++;
    if (/^[\p{L}\p{N}]/u.test(char.text) && char.text.charCodeAt(0) < 8192) letters++;
  }
  return printed >= MIN_CHARS && letters >= MIN_LETTER_SHARE * printed;
}

// lib/form/extract/pdf-lines.ts
var PARAGRAPH_GAP = 1.3;
function pageLines(engine, page, extra = []) {
  const { api, raw } = engine;
  const textPage = api.FPDFText_LoadPage(page);
  const scratch = raw.malloc(32);
  const chars = readChars(raw, textPage, scratch);
  const usable = hasUsableText(chars);
  const drawn = usable ? drawnBoxes(engine, page, scratch, chars) : [];
  raw.free(scratch);
  api.FPDFText_ClosePage(textPage);
  if (!usable) return null;
  return measure(placeLines(chars, [...drawn, ...extra]), api.FPDF_GetPageWidthF(page));
}
function measure(placed, pageWidth) {
  const lines = placed.map(({ chars, y }) => {
    let width = 0;
    let units = 0;
    let right = 0;
    for (const char of chars) {
      if (char.text.trim() === "") continue;
      right = Math.max(right, char.right);
      width += char.right - char.x;
      units += textWidth(char.text);
    }
    return { text: lineText(chars), y, left: chars[0].x, right, scale: units > 0 ? width / units : 0 };
  }).filter((line) => line.text.trim() !== "");
  const left = Math.min(...lines.map((line) => line.left));
  const pitches = lines.slice(1).map((line, i) => lines[i].y - line.y).filter((pitch) => pitch > 0).sort((a, b) => a - b);
  const usual = pitches[Math.floor(pitches.length / 2)] ?? 0;
  return lines.map(({ y, ...line }, i) => ({
    ...line,
    mirroredMargin: pageWidth - left,
    gapBelow: usual > 0 && y - (lines[i + 1]?.y ?? y) > usual * PARAGRAPH_GAP
  }));
}

// lib/form/extract/page-bitmap.ts
var FORMAT_BGRX = 3;
var RENDER_GRAYSCALE = 8;
function renderGray({ api, raw }, page, dpi) {
  const scale = dpi / 72;
  const width = Math.round(api.FPDF_GetPageWidthF(page) * scale);
  const height = Math.round(api.FPDF_GetPageHeightF(page) * scale);
  const bitmap = api.FPDFBitmap_CreateEx(width, height, FORMAT_BGRX, 0, 0);
  if (bitmap === 0) throw new Error("no memory for the page bitmap");
  try {
    api.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 4294967295);
    api.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_GRAYSCALE);
    const stride = api.FPDFBitmap_GetStride(bitmap);
    const buffer = new Uint8Array(raw.memory.buffer, api.FPDFBitmap_GetBuffer(bitmap), stride * height);
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      const row = y * stride;
      for (let x = 0; x < width; x++) pixels[y * width + x] = buffer[row + x * 4 + 1];
    }
    return { pixels, width, height, scale };
  } finally {
    api.FPDFBitmap_Destroy(bitmap);
  }
}

// lib/form/normalise/edit-distance.ts
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current2 = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current2.push(Math.min(previous[j] + 1, current2[j - 1] + 1, substitution));
    }
    previous = current2;
  }
  return previous[b.length];
}

// lib/form/extract/ocr-fixes.ts
var EMAIL = /([\p{L}\d._-]+(?:[.,] ?[\p{L}\d_-]+)*) ?[@®©]{1,2} ?([\p{L}\d-]+(?: ?[.,] ?[\p{L}\d-]+)+)/u;
var INITIAL_COMMA = /(?<![\p{L}\d])(\p{Lu}\p{Ll}?),(?= ?\p{Lu})|(?<![\p{L}\d])(\p{Lu}),(?= \p{L})/gu;
var EMAIL_SPACE = /^(\s*E-?mail\s*:?\s*)([\p{L}\d._-]+) ([\p{L}\d._-]+@)/iu;
var LONE_COLON = /(?<=\S) [‚,;] (?=\S)/g;
var INITIAL_DOT_COMMA = /(?<![\p{L}\d])(\p{Lu})\.,/gu;
var TIME_COMMA = /(?<!\d)(\d{1,2}),(\d{2})(?= ?uur)|(?<=\d{4} )(\d{1,2}),(\d{2})\b/g;
var LABELS = [
  "Organisatieonderdeel",
  "Behandeld",
  "Telefoon",
  "Persoonsgegevens",
  "Voornamen",
  "Voorvoegsel",
  "Achternaam",
  "Geboortedatum",
  "Geboorteplaats",
  "Geboorteland",
  "Geslacht",
  "Postcode",
  "Plaats",
  "Telefoonnummer",
  "Melding",
  "Datum/tijd",
  "Reden",
  "Hulpverlening",
  "Instantie",
  "Contactpersoon",
  "Huisarts",
  "Contactgegevens",
  "Onderstaand",
  "Nader"
];
function fixLabel(line) {
  const first = /^(\s*)(\S+)/.exec(line);
  if (!first || first[2].length < 5) return line;
  const word = first[2];
  const label2 = LABELS.find((candidate) => {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    return distance > 0 && distance <= (candidate.length >= 9 ? 2 : 1);
  });
  return label2 ? first[1] + label2 + line.slice(first[0].length) : line;
}
var OPTIONEEL = /\boptionee[l/1|I!]/g;
function fixOcrLine(line) {
  return fixLabel(line).replace(EMAIL, (_all, local, domain) => {
    const clean = (part) => part.replace(/,/g, ".").replace(/ /g, "");
    return `${clean(local)}@${clean(domain)}`;
  }).replace(EMAIL_SPACE, "$1$2.$3").replace(INITIAL_COMMA, (_all, two, one) => `${two ?? one}.`).replace(INITIAL_DOT_COMMA, "$1.").replace(LONE_COLON, " : ").replace(
    TIME_COMMA,
    (_all, h1, m1, h2, m2) => `${h1 ?? h2}.${m1 ?? m2}`
  ).replace(OPTIONEEL, "optioneel");
}

// lib/form/extract/pdfium.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { init } from "@embedpdf/pdfium";
var ENGINE_MEMORY_CAP = 128 * 1024 * 1024;
var ENGINE_MEMORY_KEEP = 64 * 1024 * 1024;
var ERROR_PASSWORD = 4;
var PdfOpenError = class extends Error {
  constructor(needsPassword) {
    super(needsPassword ? "password" : "unreadable");
    this.needsPassword = needsPassword;
  }
  needsPassword;
};
var PdfEngineAbort = class extends Error {
  constructor(outOfMemory) {
    super(outOfMemory ? "PDFium reached its memory cap" : "PDFium aborted");
    this.outOfMemory = outOfMemory;
  }
  outOfMemory;
};
var compiled = null;
var current = null;
var spent = false;
var capReached = false;
async function instantiate() {
  compiled ??= WebAssembly.compile(
    readFileSync(createRequire(import.meta.url).resolve("@embedpdf/pdfium/pdfium.wasm"))
  );
  const wasm = await compiled;
  let failed = () => {
  };
  const failure = new Promise((_, reject) => failed = reject);
  const api = await Promise.race([
    init({
      instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm), failed);
        return {};
      },
      // PDFium's own diagnostics would print document details; a refused file is reported by the caller.
      print: () => {
      },
      printErr: () => {
      }
    }),
    failure
  ]);
  const raw = api.pdfium.wasmExports;
  const grow = raw.memory.grow.bind(raw.memory);
  raw.memory.grow = (delta) => {
    if (raw.memory.buffer.byteLength + delta * 65536 > ENGINE_MEMORY_CAP) {
      capReached = true;
      throw new RangeError("PDFium memory cap");
    }
    return grow(delta);
  };
  api.PDFiumExt_Init();
  return { api, raw };
}
function warmEngine() {
  current ??= instantiate().catch((error) => {
    current = null;
    throw error;
  });
  return current;
}
async function withPdfDocument(bytes, read) {
  const engine = await warmEngine();
  const { api, raw } = engine;
  let aborted = false;
  let document = 0;
  capReached = false;
  const data = raw.malloc(bytes.length);
  try {
    if (data === 0) throw new PdfEngineAbort(true);
    new Uint8Array(raw.memory.buffer, data, bytes.length).set(bytes);
    document = api.FPDF_LoadMemDocument(data, bytes.length, "");
    if (document === 0) throw new PdfOpenError(api.FPDF_GetLastError() === ERROR_PASSWORD);
    return read(engine, document);
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    aborted = true;
    throw new PdfEngineAbort(capReached);
  } finally {
    if (!aborted && data !== 0) {
      if (document !== 0) api.FPDF_CloseDocument(document);
      raw.free(data);
    }
    if (aborted || raw.memory.buffer.byteLength > ENGINE_MEMORY_KEEP) {
      spent = true;
      current = null;
    }
  }
}

// lib/form/extract/pdf.ts
init_refused();

// lib/form/extract/placed-chars.ts
var SIZE = 10;
var PITCH = 12;
function textRun(text2, x, y, size) {
  const chars = [];
  let cursor = x;
  for (const char of text2) {
    const right = cursor + textWidth(char) * size / 1e3;
    chars.push({ text: char, x: cursor, y, right, size });
    cursor = right;
  }
  return chars;
}
function placedChars(values, page) {
  const runs = [];
  for (const value of values.filter((v) => v.page === page)) {
    if ("ticked" in value) {
      const size2 = Math.max(value.height, 8);
      runs.push([
        {
          text: value.ticked ? "\u2612" : "\u2610",
          x: value.x,
          right: value.x + value.width / 2,
          y: value.y + 0.15 * value.height,
          size: size2
        }
      ]);
      continue;
    }
    const lines = value.text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
    const size = lines.length > 1 ? SIZE : Math.min(SIZE, Math.max(value.height * 0.75, 6));
    const top = lines.length > 1 ? value.y + value.height - size : value.y + (value.height - size) / 2 + 0.2 * size;
    lines.forEach((line, i) => runs.push(textRun(line, value.x + 2, top - i * PITCH, size)));
  }
  return runs;
}

// lib/form/extract/soft-wraps.ts
var SOFT_WRAP = "\u2028";
var SPACE = textWidth(" ");
var SLACK = 1;
var SENTENCE_END = /[.!?:;"”’)]$/u;
var LEAD_IN = /^\p{Lu}[\p{L}’'-]*(?:\s+[\p{L}’'-]+){0,3}:(?:\s|$)/u;
var rounding = (line) => line.text.length * line.scale;
function rightMargin(lines) {
  const rightmost = Math.max(...lines.map((line) => line.right));
  const counts = /* @__PURE__ */ new Map();
  for (const line of lines) counts.set(Math.round(line.right), (counts.get(Math.round(line.right)) ?? 0) + 1);
  const [edge, count] = [...counts].reduce((best, entry) => entry[1] > best[1] ? entry : best, [0, 0]);
  if (count >= 3 && edge > rightmost - 60) return { margin: edge + 0.5, justified: true };
  return { margin: rightmost, justified: false };
}
function softWrapsAfter(lines) {
  const rightmost = rightMargin(lines).margin;
  return lines.map((line, i) => {
    const margin = Math.max(rightmost, line.mirroredMargin);
    const next = lines[i + 1];
    if (!next || line.gapBelow) return false;
    const firstWord = next.text.trim().split(/\s+/)[0];
    const nextWordFitted = line.right + rounding(line) + (SPACE + textWidth(firstWord)) * (next.scale || line.scale) <= margin - SLACK;
    if (nextWordFitted) return false;
    return !(SENTENCE_END.test(line.text.trimEnd()) && LEAD_IN.test(next.text.trim()));
  });
}
var HYPHENATED = /\p{L}[-\u00ad\u2010]$/u;
var CONTINUES = /^\s*\p{Ll}/u;
function joinLines(lines) {
  const soft = softWrapsAfter(lines);
  const { margin, justified } = rightMargin(lines);
  const hyphenRoom = (line) => {
    const short = margin - 0.5 - line.right;
    const em = line.scale * 1e3;
    return justified && short > 0.15 * em && short < 0.7 * em && /\p{L}$/u.test(line.text);
  };
  return lines.map((line, i) => {
    const next = lines[i + 1];
    if (!next) return line.text.replace(/\u00ad$/, "");
    const text2 = line.text.trimEnd();
    if ((soft[i] || text2.endsWith("\xAD")) && HYPHENATED.test(text2) && CONTINUES.test(next.text))
      return text2.slice(0, -1);
    if (soft[i] && hyphenRoom(line) && CONTINUES.test(next.text)) return text2;
    return line.text.replace(/\u00ad$/, "") + (soft[i] ? SOFT_WRAP : "\n");
  }).join("");
}

// lib/form/extract/pdf.ts
var FORMTYPE_NONE = 0;
function refusal(error) {
  if (error instanceof RefusedFile) return error;
  if (error instanceof PdfOpenError && error.needsPassword) {
    return new RefusedFile("Bijlage is een met een wachtwoord beveiligde PDF; die kan niet worden gelezen.");
  }
  if (error instanceof PdfEngineAbort && error.outOfMemory) {
    return new RefusedFile(
      "Bijlage is een PDF die te veel geheugen vraagt om te lezen; die wordt niet verwerkt."
    );
  }
  return new RefusedFile("Bijlage is een beschadigde of onvolledige PDF; die kan niet worden gelezen.");
}
async function readPages(bytes, placed) {
  try {
    return await withPdfDocument(bytes, (engine, document) => {
      const { api } = engine;
      const count = api.FPDF_GetPageCount(document);
      if (count > LIMITS.maxPages) {
        throw new RefusedFile(
          `Bijlage is een PDF van ${count} pagina's; een meldformulier heeft er hooguit ${LIMITS.maxPages}.`
        );
      }
      const hasForm = api.FPDF_GetFormType(document) !== FORMTYPE_NONE;
      const pages = [];
      const scans = /* @__PURE__ */ new Map();
      if (hasForm && placed === null) return { pages, scans, hasForm };
      for (let index = 0; index < count; index++) {
        const page = api.FPDF_LoadPage(document, index);
        if (page === 0) throw new Error(`page ${index} does not load`);
        const lines = pageLines(engine, page, placedChars(placed ?? [], index));
        if (lines === null && scans.size < LIMITS.maxOcrPages)
          scans.set(index, renderGray(engine, page, LIMITS.ocrDpi));
        pages.push(lines);
        api.FPDF_ClosePage(page);
      }
      return { pages, scans, hasForm };
    });
  } catch (error) {
    throw refusal(error);
  }
}
async function ocrPages(read, onOcr) {
  if (read.scans.size === 0) return null;
  onOcr?.(read.scans.size);
  const { ocrPage: ocrPage2 } = await Promise.resolve().then(() => (init_ocr_page(), ocr_page_exports));
  const started = performance.now();
  const words = [];
  for (const [index, image] of read.scans) {
    const page = await ocrPage2(image);
    words.push(...page.words);
    read.pages[index] = measure(placeLines([], page.runs), image.width / image.scale).map((line) => ({
      ...line,
      text: fixOcrLine(line.text)
    }));
  }
  return { pages: read.scans.size, words, msPerPage: (performance.now() - started) / read.scans.size };
}
async function extractPdf(bytes, onOcr) {
  let read = await readPages(bytes, null);
  let acroform = null;
  if (read.hasForm) {
    const form = await (await Promise.resolve().then(() => (init_acroform(), acroform_exports))).readAcroform(bytes);
    acroform = form.raw;
    read = await readPages(bytes, form.placed);
  }
  const ocr = await ocrPages(read, onOcr);
  const pages = read.pages.filter((lines) => lines !== null);
  return { text: joinLines(stripPageFurniture(pages)), acroform, ocr };
}

// lib/form/ocr-confidence.ts
var LOW_CONFIDENCE = 70;
var RECORD_PATH = { "huisarts.nietBekend": "huisarts.bekend" };
function wordConfidences(ocr) {
  const seen = /* @__PURE__ */ new Map();
  for (const word of ocr.words) seen.set(word.text, [...seen.get(word.text) ?? [], word.confidence]);
  return new Map([...seen].map(([text2, all]) => [text2, all.reduce((a, b) => a + b, 0) / all.length]));
}
function ocrFindings(raw, ocr) {
  const words = wordConfidences(ocr);
  const confidence = {};
  const warnings = [
    {
      field: "bestand",
      message: `Het formulier is gelezen met OCR (${ocr.pages} ${ocr.pages === 1 ? "pagina" : "pagina's"} zonder tekstlaag); controleer de overgenomen gegevens.`
    }
  ];
  for (const [key, value] of Object.entries(raw)) {
    const found = value.split(/\s+/).map((token) => words.get(token)).filter((score2) => score2 !== void 0);
    if (found.length === 0) continue;
    const path3 = RECORD_PATH[key] ?? key;
    const score = Math.round(Math.min(...found));
    confidence[path3] = Math.min(score, confidence[path3] ?? 100);
    if (score < LOW_CONFIDENCE)
      warnings.push({
        field: path3,
        message: `${fieldName(path3)} is met OCR gelezen met een zekerheid van ${score} %: controleer '${value.replace(/\s+/g, " ").trim()}'.`
      });
  }
  return {
    info: { gelezenMetOcr: true, pages: ocr.pages, msPerPage: Math.round(ocr.msPerPage), confidence },
    warnings
  };
}

// lib/form/normalise/voorvoegsel.ts
var VOORVOEGSELS = [
  "van",
  "de",
  "der",
  "den",
  "het",
  "'t",
  "ter",
  "ten",
  "te",
  "el",
  "van de",
  "van der",
  "van den",
  "van het",
  "van 't",
  "van ter",
  "in de",
  "in den",
  "in het",
  "in 't",
  "op de",
  "op den",
  "op het",
  "op 't",
  "uit de",
  "uit den",
  "uit het",
  "aan de",
  "aan den",
  "aan het",
  "bij de",
  "onder de",
  "over de",
  "von",
  "von der",
  "le",
  "la",
  "du",
  "da",
  "di",
  "dos"
];
var squash = (text2) => text2.toLowerCase().replace(/[\s'’`´]/g, "");
var BY_SQUASHED = new Map(VOORVOEGSELS.map((written) => [squash(written), written]));
function canonicalVoorvoegsel(text2) {
  return BY_SQUASHED.get(squash(text2)) ?? text2;
}

// lib/form/parse-bytes.ts
init_refused();
init_limits();

// lib/form/read/choice.ts
function partnerOf(tokens, k, lineStartsWithGlyph) {
  const glyph = tokens[k];
  const sameLine = (t2) => t2 && t2.kind === "text" && t2.line === glyph.line ? t2 : void 0;
  const prev = sameLine(tokens[k - 1]);
  const next = sameLine(tokens[k + 1]);
  if (prev && next) return lineStartsWithGlyph(glyph.line) ? next : prev;
  if (prev || next) return next ?? prev;
  const following = tokens[k + 1];
  if (following?.kind === "text") return following;
  const preceding = tokens[k - 1];
  return preceding?.kind === "text" ? preceding : void 0;
}
function readChoice(body, options) {
  const tokens = body.split("\n").flatMap((line, index) => tokenizeLine(line).map((token) => ({ ...token, line: index })));
  const firstOnLine = /* @__PURE__ */ new Map();
  for (const token of tokens) if (!firstOnLine.has(token.line)) firstOnLine.set(token.line, token);
  const lineStartsWithGlyph = (line) => firstOnLine.get(line)?.kind === "glyph";
  const ticked = /* @__PURE__ */ new Set();
  tokens.forEach((token, k) => {
    if (token.kind !== "glyph" || !token.ticked) return;
    const partner = partnerOf(tokens, k, lineStartsWithGlyph);
    if (partner?.kind !== "text") return;
    const option = options.find((o) => o.label.test(partner.text));
    if (option) ticked.add(option.value);
  });
  return ticked.size === 1 ? [...ticked][0] : null;
}
function optionLabel(words) {
  return new RegExp(`^${words.replace(/ /g, "\\s+")}(?![\\p{L}\\d])`, "iu");
}

// lib/form/read/pattern.ts
function phrase(words) {
  return words.trim().split(/\s+/).map(
    (word) => word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/['’]/g, "['\u2019]").replace(/[iï]/g, "[i\xEF]")
  ).join("\\s+");
}
function atLineStart(...phrases) {
  return new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?(?:${phrases.join("|")})(?!\\p{L})`, "gimu");
}
function searchFrom(pattern, text2, from) {
  pattern.lastIndex = from;
  return pattern.exec(text2);
}

// lib/form/read/instanties.ts
var SLOTS = [
  { slot: "naam", pattern: atLineStart(phrase("Naam instantie"), phrase("Instantie")) },
  { slot: "contactpersoon", pattern: atLineStart(phrase("Naam contactpersoon"), phrase("Contactpersoon")) },
  { slot: "telefoon", pattern: atLineStart(phrase("Telefoonnummer"), phrase("Telefoon")) }
];
function occurrences(body) {
  const found = [];
  for (const { slot, pattern } of SLOTS) {
    for (const match of body.matchAll(pattern)) {
      const colon = /^[ \t]*:/.exec(body.slice(match.index + match[0].length));
      found.push({
        slot,
        start: match.index,
        valueStart: match.index + match[0].length + (colon?.[0].length ?? 0)
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
function readInstanties(body) {
  const found = occurrences(body);
  const blocks = [];
  found.forEach((occurrence, i) => {
    const current2 = blocks.at(-1);
    const value = body.slice(occurrence.valueStart, found[i + 1]?.start ?? body.length);
    if (!current2 || occurrence.slot === "naam" || current2[occurrence.slot] !== void 0) {
      blocks.push({ [occurrence.slot]: value });
    } else {
      current2[occurrence.slot] = value;
    }
  });
  return { before: body.slice(0, found[0]?.start ?? body.length), blocks };
}

// lib/form/read/labels.ts
function label(key, ...phrases) {
  return { key, pattern: atLineStart(...phrases) };
}
var COLON = new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?:`, "u");
function locate(body, labels, i, cursor) {
  let match = searchFrom(labels[i].pattern, body, cursor);
  if (!match) return null;
  const after = match.index + match[0].length;
  const bound = Math.min(
    ...labels.slice(i + 1).map(({ pattern }) => searchFrom(pattern, body, after)?.index ?? body.length)
  );
  for (let next = searchFrom(labels[i].pattern, body, after); next && next.index < bound; next = searchFrom(labels[i].pattern, body, next.index + next[0].length)) {
    match = next;
  }
  return match;
}
function findLabels(body, labels) {
  const found = /* @__PURE__ */ new Map();
  let cursor = 0;
  labels.forEach(({ key }, i) => {
    const match = locate(body, labels, i, cursor);
    if (!match) return;
    const start2 = match.index;
    const afterLabel = start2 + match[0].length;
    const colon = COLON.exec(body.slice(afterLabel));
    const valueStart = afterLabel + (colon ? colon[0].length : 0);
    found.set(key, { start: start2, valueStart });
    cursor = valueStart;
  });
  return found;
}
function readLabels(body, labels) {
  const found = [...findLabels(body, labels)];
  const values = /* @__PURE__ */ new Map();
  found.forEach(([key, match], i) => {
    const end = found[i + 1]?.[1].start ?? body.length;
    values.set(key, body.slice(match.valueStart, end));
  });
  return values;
}

// lib/form/read/reden.ts
var INSTRUCTIONS = [
  "Let op: Wat zijn uw zorgen?",
  "7 W's: Wie, wat, waar, wanneer, op welke wijze, met welk gevolg, welke aanleiding, denk ook aan de veiligheid van de medewerker die in contact treedt met de betrokkene.",
  "Let s.v.p. op uw schrijftaal; deze informatie kan door andere instanties met burgers gedeeld worden.",
  "[Omschrijving reden aanmelding]"
].map(squash2);
var MAX_LINES = 4;
var TOLERANCE = 0.05;
var near = (a, b) => a === b || a.slice(0, 3) === b.slice(0, 3) && editDistance(a, b) <= Math.floor(TOLERANCE * b.length);
var isInstruction = (joined) => INSTRUCTIONS.some((instruction) => near(joined, instruction));
var startsInstruction = (joined) => INSTRUCTIONS.some((instruction) => near(joined, instruction.slice(0, joined.length)));
function squash2(text2) {
  return text2.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}
function withoutInstructions(text2) {
  const parts = text2.split(/(\n|\u2028)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const ends = parts.filter((_, i) => i % 2 === 1);
  const squashed = lines.map(squash2);
  let kept = "";
  for (let i = 0; i < lines.length; i++) {
    let span = 0;
    let joined = "";
    for (let n = 1; n <= MAX_LINES && i + n <= lines.length; n++) {
      joined += squashed[i + n - 1];
      if (isInstruction(joined)) {
        span = n;
        break;
      }
      if (joined !== "" && !startsInstruction(joined)) break;
    }
    if (span > 0) {
      i += span - 1;
      if (kept !== "") kept = kept.replace(/[\n\u2028]$/, "") + "\n";
    } else kept += lines[i] + (ends[i] ?? "");
  }
  return kept;
}
function readReden(body) {
  const lines = withoutInstructions(body.replace(/^[ \t]*:/, "")).split("\n").map(foldSpaces).filter((line) => line !== "");
  if (lines.length === 0) return null;
  return lines.join("\n");
}

// lib/form/read/sections.ts
var heading = (words) => new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?${phrase(words)}[ \\t]*:?[ \\t]*$`, "iu");
var VEILIG_THUIS_QUESTION = phrase(
  "Is er voor de aangetroffen situatie ook melding bij Veilig Thuis gedaan?"
);
var SECTIONS = [
  {
    name: "betrokkene",
    start: atLineStart(phrase("Persoonsgegevens betrokkene")),
    label: atLineStart(phrase("BSN"))
  },
  { name: "melding", label: atLineStart(phrase("Datum/tijd voorval")), heading: heading("Melding") },
  { name: "reden", start: atLineStart(phrase("Reden aanmelding"), phrase("Omschrijving reden aanmelding")) },
  { name: "veiligThuis", start: atLineStart(VEILIG_THUIS_QUESTION), heading: heading("Veilig Thuis") },
  {
    name: "hulpverlening",
    start: atLineStart(phrase("Is er sprake van bestaande hulpverlening?")),
    heading: heading("Hulpverlening")
  },
  {
    name: "huisarts",
    start: atLineStart(phrase("Contactgegevens huisarts")),
    label: atLineStart(phrase("Naam huisarts")),
    heading: heading("Huisarts")
  },
  {
    name: "geinformeerd",
    start: atLineStart(
      phrase("De betrokkene is ge\xEFnformeerd over het informeren van de hulpverleningsinstantie."),
      phrase("Is betrokkene ge\xEFnformeerd over de melding aan het meldpunt?"),
      phrase("De betrokkene is ge\xEFnformeerd"),
      phrase("Is betrokkene ge\xEFnformeerd")
    )
  },
  {
    name: "telefonisch",
    start: atLineStart(phrase("Nader telefonisch contact over melding gewenst") + "[?.]?")
  }
];
function headingStart(text2, index, headingPattern) {
  if (!headingPattern || index === 0) return null;
  const before = text2.slice(0, index - 1);
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\u2028")) + 1;
  return headingPattern.test(before.slice(lineStart)) ? lineStart : null;
}
function splitSections(text2) {
  const found = [
    { name: "kop", start: 0, bodyStart: 0 }
  ];
  let cursor = 0;
  for (const spec of SECTIONS) {
    const consumed = spec.start && searchFrom(spec.start, text2, cursor);
    const kept = spec.label && searchFrom(spec.label, text2, cursor);
    const match = consumed && (!kept || consumed.index <= kept.index) ? consumed : kept;
    if (!match) continue;
    const index = match.index;
    const bodyStart = match === consumed ? index + match[0].length : index;
    found.push({ name: spec.name, start: headingStart(text2, index, spec.heading) ?? index, bodyStart });
    cursor = bodyStart;
  }
  const sections = {};
  found.forEach((section, i) => {
    const end = found[i + 1]?.start ?? text2.length;
    sections[section.name] = text2.slice(section.bodyStart, end);
  });
  return sections;
}

// lib/form/read/split-labels.ts
var TWO_PART_LABELS = [
  ["Behandeld", "door"],
  ["Ons", "kenmerk"],
  ["Datum/tijd", "voorval"],
  ["Datum/tijd", "melding"],
  ["Plaats", "voorval"],
  ["Naam", "Huisarts"],
  ["Adres", "Huisarts"]
];
var REPAIRS = TWO_PART_LABELS.map(
  ([head, tail]) => new RegExp(
    `^([ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?)(${phrase(head)})([ \\t]+[^\\n\\u2028]*)[\\n\\u2028][ \\t]*(${phrase(tail)})(?:[ \\t]+([^\\n\\u2028]*))?[ \\t]*(?=[\\n\\u2028]|$)`,
    "gimu"
  )
);
function joinSplitLabels(text2) {
  return REPAIRS.reduce(
    (repaired, pattern) => repaired.replace(
      pattern,
      (_all, indent, _t, _u, head, value, tail, rest) => `${indent}${head} ${tail}${value}${rest ? `
${rest}` : ""}`
    ),
    text2
  );
}

// lib/form/read/glued-labels.ts
var LABELS2 = [
  "Organisatieonderdeel",
  "Behandeld door",
  "Ons kenmerk",
  "Voornamen",
  "Voorvoegsel",
  "Achternaam",
  "Geboortedatum",
  "Geboorteplaats",
  "Geboorteland",
  "Geslacht",
  "Telefoonnummer",
  "Contactpersoon",
  "Instantie"
];
var GLUED = new RegExp(`^([ \\t]*)(${LABELS2.join("|")})(?=\\p{Lu}|\\d)`, "gmu");
function separateGluedLabels(text2) {
  return text2.replace(GLUED, "$1$2 ");
}

// lib/form/read/voorval.ts
var OPTIONS = [
  { value: "op", label: optionLabel("Op") },
  { value: "tussen", label: optionLabel("Tussen") }
];
function alternatives(text2) {
  const op = /(?<![\p{L}\d])Op(?![\p{L}\d])/iu.exec(text2);
  const tussen = /(?<![\p{L}\d])Tussen(?![\p{L}\d])/iu.exec(text2);
  if (!op && !tussen) return { op: text2, tussen: null };
  const cut = (from, other) => from ? text2.slice(from.index + from[0].length, other && other.index > from.index ? other.index : void 0) : null;
  return { op: cut(op, tussen), tussen: cut(tussen, op) };
}
var isEmptyTemplate = (text2) => text2.replace(/\[[^\]]*\]|\b(?:om|uur|en)\b|[\s.,]/giu, "") === "";
function readVoorval(value) {
  const parts = alternatives(stripGlyphs(value));
  const ticked = readChoice(value, OPTIONS);
  const tussenTimes = parts.tussen?.split(/\s+en\s+/i) ?? [];
  const tussenReadable = tussenTimes.length >= 2 && parseDateTime(tussenTimes[0]) !== null;
  const chosen = ticked ?? (tussenReadable && !(parts.op && parseDateTime(parts.op)) ? "tussen" : "op");
  if (chosen === "tussen") {
    if (!parts.tussen || isEmptyTemplate(parts.tussen)) return {};
    return { van: tussenTimes[0], tot: tussenTimes.slice(1).join(" en ") };
  }
  if (!parts.op || isEmptyTemplate(parts.op)) return {};
  return { van: parts.op, tot: parts.op };
}
function readPlaatsVoorval(value) {
  const text2 = value.replace(/\[[^\]]*\]/g, " ").trim();
  const postcode2 = findPostcode(text2);
  if (postcode2 && postcode2.index === 0) return { postcode: postcode2.value, plaats: text2.slice(postcode2.end) };
  return { plaats: text2 };
}

// lib/form/read/form.ts
var KOP = [
  label("organisatieonderdeel", phrase("Organisatieonderdeel")),
  label("behandelaar.naam", phrase("Behandeld door")),
  label("behandelaar.telefoon", phrase("Telefoonnummer"), phrase("Telefoon")),
  label("behandelaar.email", phrase("E-mailadres"), phrase("E-mail"), phrase("Email")),
  label("kenmerk", phrase("Ons kenmerk"), phrase("Registratienummer"), phrase("Kenmerk"))
];
var BETROKKENE = [
  label("betrokkene.bsn", phrase("BSN")),
  label("betrokkene.voornamen", phrase("Voornamen"), phrase("Voornaam")),
  label("betrokkene.voorvoegsel", phrase("Voorvoegsel"), phrase("Tussenvoegsel")),
  label("betrokkene.achternaam", phrase("Achternaam")),
  label("betrokkene.geboortedatum", phrase("Geboortedatum")),
  label("betrokkene.geboorteplaats", phrase("Geboorteplaats")),
  label("betrokkene.geboorteland", phrase("Geboorteland")),
  label("betrokkene.geslacht", phrase("Geslacht")),
  label("betrokkene.adres", phrase("Adres")),
  label("betrokkene.postcode", phrase("Postcode")),
  label("betrokkene.plaats", phrase("Plaats"), phrase("Woonplaats")),
  label("betrokkene.land", phrase("Land")),
  label(
    "betrokkene.telefoonnummers",
    phrase("Telefoonnummer(s)"),
    phrase("Telefoonnummers"),
    phrase("Telefoonnummer")
  )
];
var MELDING = [
  label("voorval", phrase("Datum/tijd voorval")),
  label("plaatsVoorval", phrase("Plaats voorval")),
  label("melding", phrase("Datum/tijd melding"))
];
var HUISARTS = [
  label("huisarts.naam", phrase("Naam huisarts")),
  label("huisarts.adres", phrase("Adres huisarts")),
  label("huisarts.telefoon", phrase("Telefoonnummer"), phrase("Telefoon")),
  label("nietBekend", phrase("Niet bekend"))
];
var JA_NEE2 = [
  { value: "ja", label: optionLabel("Ja") },
  { value: "nee", label: optionLabel("Nee") }
];
var BESTAAND2 = [{ value: "niet_bekend", label: optionLabel("Niet bekend") }, ...JA_NEE2];
var NEE_OPTION = new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?Nee(?![\\p{L}\\d])[ \\t]*,?`, "imu");
function set(raw, key, value) {
  if (value != null) raw[key] = value;
}
function readHuisarts(raw, body) {
  const values = readLabels(body, HUISARTS);
  for (const [key, value] of values) if (key !== "nietBekend") set(raw, key, value);
  const nietBekend = findLabels(body, HUISARTS).get("nietBekend");
  if (nietBekend) {
    const lineStart = body.lastIndexOf("\n", nietBekend.start) + 1;
    const lineEnd = body.indexOf("\n", nietBekend.start);
    if (hasTickedGlyph(body.slice(lineStart, lineEnd === -1 ? void 0 : lineEnd)))
      raw["huisarts.nietBekend"] = "ja";
  }
}
function readGeinformeerd(raw, body) {
  const chosen = readChoice(body, JA_NEE2);
  set(raw, "betrokkeneGeinformeerd", chosen);
  const nee = NEE_OPTION.exec(body);
  if (nee && chosen !== "ja") raw.nietGeinformeerdReden = body.slice(nee.index + nee[0].length);
}
function readFormText(text2) {
  const sections = splitSections(joinSplitLabels(separateGluedLabels(text2)));
  const raw = {};
  for (const [key, value] of readLabels(sections.kop ?? "", KOP)) set(raw, key, value);
  for (const [key, value] of readLabels(sections.betrokkene ?? "", BETROKKENE)) set(raw, key, value);
  const melding = readLabels(sections.melding ?? "", MELDING);
  const voorval = readVoorval(melding.get("voorval") ?? "");
  set(raw, "voorval.van", voorval.van);
  set(raw, "voorval.tot", voorval.tot);
  const plaats = readPlaatsVoorval(melding.get("plaatsVoorval") ?? "");
  set(raw, "voorval.postcode", plaats.postcode);
  set(raw, "voorval.plaats", plaats.plaats);
  set(raw, "meldingTijdstip", melding.get("melding"));
  set(raw, "redenAanmelding", readReden(sections.reden ?? ""));
  if (sections.veiligThuis !== void 0)
    set(raw, "veiligThuisGemeld", readChoice(sections.veiligThuis, JA_NEE2));
  const hulpverlening = readInstanties(sections.hulpverlening ?? "");
  set(raw, "hulpverlening.bestaand", readChoice(hulpverlening.before, BESTAAND2));
  hulpverlening.blocks.forEach((block, i) => {
    for (const [slot, value] of Object.entries(block))
      set(raw, `hulpverlening.instanties.${i}.${slot}`, value);
  });
  readHuisarts(raw, sections.huisarts ?? "");
  readGeinformeerd(raw, sections.geinformeerd ?? "");
  set(raw, "telefonischContactGewenst", readChoice(sections.telefonisch ?? "", JA_NEE2));
  return raw;
}

// lib/form/refused-result.ts
var refused = (message) => ({
  ok: false,
  formulier: null,
  warnings: [],
  errors: [{ field: "bestand", message }]
});

// lib/form/schema.ts
import { z as z2 } from "zod";
var text = z2.string().min(1).nullable();
var jaNee = z2.enum(["ja", "nee"]).nullable();
var dateTime = z2.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/).nullable();
var phone = z2.string().regex(/^\+?\d{6,15}$/);
var postcode = z2.string().regex(/^\d{4}[A-Z]{2}$/).nullable();
var ZMeldformulier = z2.object({
  schema: z2.literal("meldformulier/1"),
  kenmerk: z2.string().min(1),
  organisatieonderdeel: text,
  behandelaar: z2.object({ naam: text, telefoon: phone.nullable(), email: z2.email().nullable() }).strict(),
  betrokkene: z2.object({
    bsn: z2.string().regex(/^\d{9}$/).nullable(),
    voornamen: text,
    voorvoegsel: text,
    achternaam: text,
    geboortedatum: z2.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    geboorteplaats: text,
    geboorteland: text,
    geslacht: z2.enum(["man", "vrouw", "onbekend"]).nullable(),
    adres: text,
    postcode,
    plaats: text,
    land: text,
    telefoonnummers: z2.array(phone)
  }).strict(),
  voorval: z2.object({ van: dateTime, tot: dateTime, postcode, plaats: text }).strict(),
  meldingTijdstip: dateTime,
  redenAanmelding: text,
  veiligThuisGemeld: jaNee,
  hulpverlening: z2.object({
    bestaand: z2.enum(["ja", "nee", "niet_bekend"]).nullable(),
    instanties: z2.array(
      z2.object({ naam: text, contactpersoon: text, telefoon: phone.nullable() }).strict()
    )
  }).strict(),
  huisarts: z2.object({ bekend: z2.boolean().nullable(), naam: text, adres: text, telefoon: phone.nullable() }).strict(),
  betrokkeneGeinformeerd: jaNee,
  nietGeinformeerdReden: text,
  telefonischContactGewenst: jaNee
}).strict();

// lib/form/parse-bytes.ts
var FORM_MARKERS = [
  "Ons kenmerk",
  "Behandeld door",
  "Persoonsgegevens betrokkene",
  "Datum/tijd voorval",
  "Reden aanmelding",
  "bestaande hulpverlening",
  "Contactgegevens huisarts",
  "Nader telefonisch contact"
].map((words) => new RegExp(phrase(words), "iu"));
async function readRaw(bytes, options) {
  const { filename } = options;
  const tooLarge = sizeRefusal(bytes.length);
  if (tooLarge) throw new RefusedFile(tooLarge);
  const type = detectType(bytes);
  if (type.kind === "other") {
    throw new RefusedFile(
      `Bijlage${filename ? ` '${filename}'` : ""} is ${type.description}, geen PDF of Word-document.`
    );
  }
  const { text: text2, acroform, ocr } = type.kind === "pdf" ? await extractPdf(bytes, options.onOcr) : { text: await (await Promise.resolve().then(() => (init_docx(), docx_exports))).extractDocx(bytes), acroform: null, ocr: null };
  const normalised = text2.normalize("NFC");
  const markers = FORM_MARKERS.filter((marker) => marker.test(normalised)).length;
  if (markers < 3 && Object.keys(acroform ?? {}).length < 3) {
    throw new RefusedFile(
      "Bijlage is geen meldformulier niet-acute zorg (de vaste onderdelen van het formulier ontbreken)."
    );
  }
  const raw = { ...readFormText(normalised), ...acroform };
  const voorvoegsel = raw["betrokkene.voorvoegsel"];
  if (ocr && voorvoegsel) raw["betrokkene.voorvoegsel"] = canonicalVoorvoegsel(voorvoegsel.trim());
  return { raw, ocr };
}
async function parseBytes(bytes, options = {}) {
  let read;
  try {
    read = await readRaw(bytes, options);
  } catch (error) {
    if (error instanceof RefusedFile) return refused(error.message);
    throw error;
  }
  const { raw, ocr } = read;
  const built = buildFormulier(raw);
  const ocrRead = ocr ? ocrFindings(raw, ocr) : null;
  const checks = checkFormulier(built, {
    trustedDomains: options.trustedDomains ?? ["politie.nl"],
    now: options.now ?? /* @__PURE__ */ new Date()
  });
  const errors = checks.errors;
  const warnings = [...built.warnings, ...checks.warnings, ...ocrRead?.warnings ?? []];
  const kenmerk = built.formulier.kenmerk ?? options.fallbackKenmerk ?? null;
  const formulier = kenmerk === null ? null : ZMeldformulier.parse({ ...built.formulier, kenmerk });
  const result = { ok: errors.length === 0, formulier, warnings, errors };
  return ocrRead ? { ...result, ocr: ocrRead.info } : result;
}

// ../../../tmp/parser-prof/prof.mts
var FORMS = "/work/wt/parser/tests/fixtures/forms";
var pdfs = readdirSync(FORMS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path2.join(FORMS, e.name, "input.pdf")).filter((f) => existsSync(f)).map((f) => new Uint8Array(readFileSync2(f)));
var rounds = Number(process.env.R ?? 30);
for (let i = 0; i < 3; i++) for (const b of pdfs) await parseBytes(b, { filename: "input.pdf" });
var t = performance.now();
var per = [];
for (let r = 0; r < rounds; r++) for (const b of pdfs) {
  const s = performance.now();
  await parseBytes(b, { filename: "input.pdf" });
  per.push(performance.now() - s);
}
var total = performance.now() - t;
per.sort((a, b) => a - b);
console.log(JSON.stringify({ forms: per.length, perSec: per.length / (total / 1e3), median: per[per.length >> 1] }));
