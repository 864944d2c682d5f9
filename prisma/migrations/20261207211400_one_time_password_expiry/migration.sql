-- AlterTable
ALTER TABLE "User" ADD COLUMN     "oneTimePasswordExpiresAt" TIMESTAMP(3);
