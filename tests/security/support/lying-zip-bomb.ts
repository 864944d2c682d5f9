/**
 * A .docx whose archive lies: `word/document.xml` inflates to `megabytes` MB of spaces while the
 * local header and the central directory both declare 1 kB. A guard that adds up the declared
 * sizes lets it through; only counting the bytes that really come out stops it. The deflate
 * stream is made block by block, so building a 1 GB bomb costs this process ~1 MB.
 */
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

type TEntry = { name: string; data: Uint8Array; method: 0 | 8; crc: number; declaredSize: number };

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT_START =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';

/** A raw deflate stream of the start of a document followed by `megabytes` MB of spaces. */
async function deflatedBomb(megabytes: number): Promise<Uint8Array> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const block = Buffer.alloc(1024 * 1024, 0x20);
  deflater.write(DOCUMENT_START);
  for (let i = 0; i < megabytes; i++) {
    if (!deflater.write(block)) await once(deflater, 'drain');
  }
  deflater.end();
  await once(deflater, 'end');
  return Buffer.concat(out);
}

function stored(name: string, text: string): TEntry {
  const data = Buffer.from(text);
  return { name, data, method: 8, crc: crc32(data), declaredSize: data.length };
}

function deflated(entry: TEntry): TEntry {
  return { ...entry, data: deflateRawSync(entry.data) };
}

/** Writes a plain (non-ZIP64) archive whose size fields say `declaredSize`, whatever the data is. */
function writeZip(entries: TEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The bomb: ~1 MB on disk per GB inflated, every size field saying 1 kB. */
export async function lyingZipBombDocx(megabytes = 1024): Promise<Buffer> {
  return writeZip([
    deflated(stored('[Content_Types].xml', CONTENT_TYPES)),
    deflated(stored('_rels/.rels', RELS)),
    { name: 'word/document.xml', data: await deflatedBomb(megabytes), method: 8, crc: 0, declaredSize: 1024 },
  ]);
}
