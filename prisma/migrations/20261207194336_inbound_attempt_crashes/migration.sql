-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "attemptAlone" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "attemptStartedAt" TIMESTAMP(3),
ADD COLUMN     "crashes" INTEGER NOT NULL DEFAULT 0;
