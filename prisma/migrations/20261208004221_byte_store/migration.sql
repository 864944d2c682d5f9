-- The byte store (lib/bytes/): every large byte value once, by its SHA-256, in 1 MiB chunks,
-- written and read over node-postgres. Rows name a value by its hash; triggers count the rows
-- that name it and delete it (its chunks with it) when none is left.

-- CreateTable
CREATE TABLE "ByteValue" (
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "refs" INTEGER NOT NULL DEFAULT 0,
    "touchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ByteValue_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "ByteChunk" (
    "sha256" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ByteChunk_pkey" PRIMARY KEY ("sha256","seq")
);

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN "contentHash" TEXT;

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "rawHash" TEXT,
ADD COLUMN "readable" JSONB;

-- The existing raw mails and attachment contents into the store, each distinct value once.
INSERT INTO "ByteValue" ("sha256", "size")
SELECT DISTINCT encode(sha256(b), 'hex'), length(b)
FROM (
    SELECT "raw" AS b FROM "InboundMessage" WHERE "raw" IS NOT NULL
    UNION ALL
    SELECT "content" FROM "Attachment" WHERE "content" IS NOT NULL
) v;

INSERT INTO "ByteChunk" ("sha256", "seq", "data")
SELECT v.h, s.seq, substring(v.b FROM s.seq * 1048576 + 1 FOR 1048576)
FROM (
    SELECT DISTINCT ON (h) h, b
    FROM (
        SELECT encode(sha256("raw"), 'hex') AS h, "raw" AS b FROM "InboundMessage" WHERE "raw" IS NOT NULL
        UNION ALL
        SELECT encode(sha256("content"), 'hex'), "content" FROM "Attachment" WHERE "content" IS NOT NULL
    ) a
) v
CROSS JOIN LATERAL generate_series(0, ceil(length(v.b) / 1048576.0)::int - 1) AS s(seq);

UPDATE "InboundMessage" SET "rawHash" = encode(sha256("raw"), 'hex') WHERE "raw" IS NOT NULL;
UPDATE "Attachment" SET "contentHash" = encode(sha256("content"), 'hex') WHERE "content" IS NOT NULL;

UPDATE "ByteValue" v SET "refs" =
    (SELECT count(*) FROM "InboundMessage" m WHERE m."rawHash" = v."sha256") +
    (SELECT count(*) FROM "Attachment" a WHERE a."contentHash" = v."sha256");

-- AlterTable
ALTER TABLE "Attachment" DROP COLUMN "content";

-- AlterTable
ALTER TABLE "InboundMessage" DROP COLUMN "raw";

-- DropTable: bytes staged on their way into a row (the mechanism the store replaces); what a
-- crash left there belongs to no row.
DROP TABLE "StagedBytes";

-- CreateIndex
CREATE INDEX "ByteValue_refs_touchedAt_idx" ON "ByteValue"("refs", "touchedAt");

-- CreateIndex
CREATE INDEX "Attachment_contentHash_idx" ON "Attachment"("contentHash");

-- CreateIndex
CREATE INDEX "InboundMessage_rawHash_idx" ON "InboundMessage"("rawHash");

-- AddForeignKey
ALTER TABLE "InboundMessage" ADD CONSTRAINT "InboundMessage_rawHash_fkey" FOREIGN KEY ("rawHash") REFERENCES "ByteValue"("sha256") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_contentHash_fkey" FOREIGN KEY ("contentHash") REFERENCES "ByteValue"("sha256") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ByteChunk" ADD CONSTRAINT "ByteChunk_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "ByteValue"("sha256") ON DELETE CASCADE ON UPDATE CASCADE;

-- Reference counting: a row that starts naming a value adds one, a row that stops naming it (its
-- hash set to null by the retention job, or the row deleted) takes one off; at zero the value and
-- its chunks go, in the same transaction as the row's change. The column is the trigger's argument.
CREATE FUNCTION meldpost_byte_refs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_hash TEXT := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> TG_ARGV[0] END;
    new_hash TEXT := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> TG_ARGV[0] END;
    left_refs INTEGER;
BEGIN
    IF new_hash IS NOT DISTINCT FROM old_hash THEN
        RETURN NULL;
    END IF;
    IF new_hash IS NOT NULL THEN
        UPDATE "ByteValue" SET "refs" = "refs" + 1 WHERE "sha256" = new_hash;
    END IF;
    IF old_hash IS NOT NULL THEN
        UPDATE "ByteValue" SET "refs" = "refs" - 1 WHERE "sha256" = old_hash RETURNING "refs" INTO left_refs;
        IF left_refs <= 0 THEN
            DELETE FROM "ByteValue" WHERE "sha256" = old_hash;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "InboundMessage_raw_refs"
AFTER INSERT OR DELETE OR UPDATE OF "rawHash" ON "InboundMessage"
FOR EACH ROW EXECUTE FUNCTION meldpost_byte_refs('rawHash');

CREATE TRIGGER "Attachment_content_refs"
AFTER INSERT OR DELETE OR UPDATE OF "contentHash" ON "Attachment"
FOR EACH ROW EXECUTE FUNCTION meldpost_byte_refs('contentHash');
