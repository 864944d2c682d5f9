-- CreateTable
CREATE TABLE "SentCopyExpunge" (
    "id" UUID NOT NULL,
    "mailboxId" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SentCopyExpunge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SentCopyExpunge_mailboxId_messageId_key" ON "SentCopyExpunge"("mailboxId", "messageId");
