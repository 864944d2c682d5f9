-- AlterTable
ALTER TABLE "Melding" ADD COLUMN     "heropendDoorVersie" INTEGER;
