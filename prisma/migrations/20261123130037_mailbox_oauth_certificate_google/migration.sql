-- AlterEnum
ALTER TYPE "MailboxAuth" ADD VALUE 'OAUTH2_GOOGLE';

-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "oauthCertThumbprint" TEXT;
