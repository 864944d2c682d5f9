-- AlterEnum
ALTER TYPE "OutgoingKind" ADD VALUE 'NOTIFICATIE';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailNotifications" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notifiedUpTo" TIMESTAMP(3);
