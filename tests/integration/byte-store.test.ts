/**
 * The byte store (lib/bytes/): values once by hash in 1 MiB chunks, read whole or streamed,
 * released by the reference-counting trigger; and the migration that moved the existing raw
 * mails and attachment contents into it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putBytes, sha256Hex } from '../../lib/bytes/put-bytes';
import { readBytes } from '../../lib/bytes/read-bytes';
import { streamBytes } from '../../lib/bytes/stream-bytes';
import { createEmptyDb, createTestDb, type TTestDb } from '../support/db';

const MiB = 1024 * 1024;
let t: TTestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

async function mailbox() {
  return t.db.mailbox.create({
    data: {
      name: `mb-${randomBytes(4).toString('hex')}`,
      imapHost: 'imap.example',
      smtpHost: 'smtp.example',
      username: 'meldpunt',
      secretEnc: 'x',
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: 'signalen@politie-keten.example',
    },
  });
}

describe('byte store', () => {
  it('keeps a value once by hash in 1 MiB chunks, and reads it back whole and as a stream', async () => {
    const big = randomBytes(2 * MiB + 123);
    const [a, b, c] = await putBytes({ db: t.db, values: [big, Buffer.from('klein'), big] });
    expect(a).toBe(sha256Hex(big));
    expect(c).toBe(a);
    expect(await t.db.byteValue.count({ where: { sha256: { in: [a!, b!] } } })).toBe(2);
    expect(
      (await t.db.byteChunk.findMany({ where: { sha256: a! }, orderBy: { seq: 'asc' } })).map(
        (ch) => ch.data.length,
      ),
    ).toEqual([MiB, MiB, 123]);
    expect((await readBytes({ db: t.db, sha256: a! }))!.equals(big)).toBe(true);
    const streamed = await streamBytes({ db: t.db, sha256: a! });
    expect(streamed!.size).toBe(big.length);
    expect(Buffer.concat(await streamed!.stream.toArray()).equals(big)).toBe(true);
    expect((await readBytes({ db: t.db, sha256: b! }))!.toString()).toBe('klein');
    expect(await readBytes({ db: t.db, sha256: 'f'.repeat(64) })).toBeNull();
  });

  it('counts the rows that name a value and releases it, chunks and all, when the last one goes', async () => {
    const mb = await mailbox();
    const bytes = randomBytes(MiB + 1);
    const [hash] = await putBytes({ db: t.db, values: [bytes] });
    const message = (uid: number) =>
      t.db.inboundMessage.create({
        data: {
          mailboxId: mb.id,
          uidValidity: 1,
          uid,
          sha256: hash!,
          size: bytes.length,
          rawHash: hash!,
          receivedAt: new Date(),
        },
      });
    const first = await message(1);
    const second = await message(2);
    const attachment = await t.db.attachment.create({
      data: {
        filename: 'f.bin',
        contentType: 'application/octet-stream',
        size: 1,
        sha256: hash!,
        contentHash: hash!,
      },
    });
    const refs = async () => (await t.db.byteValue.findUnique({ where: { sha256: hash! } }))?.refs ?? null;
    expect(await refs()).toBe(3);
    // Emptied by the retention job: one reference less.
    await t.db.inboundMessage.update({ where: { id: first.id }, data: { rawHash: null } });
    expect(await refs()).toBe(2);
    await t.db.attachment.delete({ where: { id: attachment.id } });
    expect(await refs()).toBe(1);
    await t.db.inboundMessage.delete({ where: { id: second.id } });
    expect(await refs()).toBeNull();
    expect(await t.db.byteChunk.count({ where: { sha256: hash! } })).toBe(0);
    // A row can never name bytes that are not there.
    await expect(
      t.db.attachment.create({
        data: { filename: 'g', contentType: 'x', size: 1, sha256: hash!, contentHash: hash! },
      }),
    ).rejects.toThrow();
  });
});

describe('migration byte_store', () => {
  it('moves the existing raw mails and attachment contents into the store, each value once', async () => {
    const empty = await createEmptyDb();
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    try {
      const dir = path.join(import.meta.dirname, '../../prisma/migrations');
      const names = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      const at = names.findIndex((n) => n.endsWith('_byte_store'));
      const run = (name: string) => client.query(readFileSync(path.join(dir, name, 'migration.sql'), 'utf8'));
      for (const name of names.slice(0, at)) await run(name);
      const raw = randomBytes(2 * MiB + 5);
      const pdf = Buffer.from('%PDF-1.7 fictief formulier');
      const mailbox = await client.query<{ id: string }>(
        `INSERT INTO "Mailbox" (id, name, "imapHost", "smtpHost", username, "secretEnc", "fromAddress", "signalRecipient", "updatedAt")
         VALUES (gen_random_uuid(), 'mb', 'i', 's', 'u', 'x', 'a@gemeente.example', 'b@politie.example', now()) RETURNING id`,
      );
      for (const uid of [1, 2])
        await client.query(
          `INSERT INTO "InboundMessage" (id, "mailboxId", "uidValidity", uid, sha256, size, raw, "receivedAt")
           VALUES (gen_random_uuid(), $1, 1, $2, 'x', 0, $3, now())`,
          [mailbox.rows[0]!.id, uid, raw],
        );
      await client.query(
        `INSERT INTO "InboundMessage" (id, "mailboxId", "uidValidity", uid, sha256, size, "receivedAt")
         VALUES (gen_random_uuid(), $1, 1, 3, 'x', 0, now())`,
        [mailbox.rows[0]!.id],
      );
      await client.query(
        `INSERT INTO "Attachment" (id, filename, "contentType", size, sha256, content)
         VALUES (gen_random_uuid(), 'f.pdf', 'application/pdf', 1, 'x', $1)`,
        [pdf],
      );
      await run(names[at]!);
      const values = await client.query<{ sha256: string; size: string; refs: number; chunks: number }>(
        `SELECT v.sha256, v.size, v.refs, (SELECT count(*)::int FROM "ByteChunk" c WHERE c.sha256 = v.sha256) AS chunks
         FROM "ByteValue" v ORDER BY v.size DESC`,
      );
      expect(values.rows).toEqual([
        { sha256: sha256Hex(raw), size: String(raw.length), refs: 2, chunks: 3 },
        { sha256: sha256Hex(pdf), size: String(pdf.length), refs: 1, chunks: 1 },
      ]);
      const whole = await client.query<{ b: Buffer }>(
        `SELECT string_agg(data, ''::bytea ORDER BY seq) AS b FROM "ByteChunk" WHERE sha256 = $1`,
        [sha256Hex(raw)],
      );
      expect(whole.rows[0]!.b.equals(raw)).toBe(true);
      const named = await client.query<{ rawHash: string | null }>(
        `SELECT "rawHash" FROM "InboundMessage" ORDER BY uid`,
      );
      expect(named.rows.map((r) => r.rawHash)).toEqual([sha256Hex(raw), sha256Hex(raw), null]);
      // The trigger counts from here on.
      await client.query(`DELETE FROM "InboundMessage"`);
      expect((await client.query(`SELECT sha256 FROM "ByteValue"`)).rows).toEqual([
        { sha256: sha256Hex(pdf) },
      ]);
    } finally {
      await client.end();
      await empty.drop();
    }
  });
});
