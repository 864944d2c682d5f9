-- AlterEnum
ALTER TYPE "OutgoingKind" ADD VALUE 'ZELFTEST';

-- CreateTable
CREATE TABLE "KetenZelftest" (
    "id" UUID NOT NULL,
    "mailboxId" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "outgoingMailId" UUID,
    "signalTo" TEXT,
    "startedById" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMPTZ(3),
    "parsedAt" TIMESTAMPTZ(3),
    "parsed" TEXT,
    "signalSubject" TEXT,
    "signalBody" TEXT,
    "inboundMessageId" UUID,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "KetenZelftest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KetenZelftest_messageId_key" ON "KetenZelftest"("messageId");

-- CreateIndex
CREATE INDEX "KetenZelftest_mailboxId_startedAt_idx" ON "KetenZelftest"("mailboxId", "startedAt");

-- AddForeignKey
ALTER TABLE "KetenZelftest" ADD CONSTRAINT "KetenZelftest_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;
