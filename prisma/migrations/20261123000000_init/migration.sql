-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEDEWERKER', 'COORDINATOR', 'BEHEERDER');

-- CreateEnum
CREATE TYPE "MailboxAuth" AS ENUM ('PASSWORD', 'OAUTH2_MICROSOFT');

-- CreateEnum
CREATE TYPE "AuthenticityPolicy" AS ENUM ('ENFORCE', 'MONITOR');

-- CreateEnum
CREATE TYPE "OtherMailAction" AS ENUM ('MOVE', 'LEAVE');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('MELDING', 'DOORGESTUURD', 'REACTIE', 'AUTOMATISCH', 'OVERIG');

-- CreateEnum
CREATE TYPE "ProcessingState" AS ENUM ('STORED', 'PROCESSED', 'FAILED', 'PARKED', 'QUARANTINED', 'IGNORED');

-- CreateEnum
CREATE TYPE "MeldingStatus" AS ENUM ('ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD', 'AFGEROND');

-- CreateEnum
CREATE TYPE "Uitkomst" AS ENUM ('TOEGELEID', 'GEEN_VERVOLG', 'NIET_IN_BEHANDELING', 'DOORGESTUURD');

-- CreateEnum
CREATE TYPE "BeoordelingUitkomst" AS ENUM ('GEEN_REDEN', 'NADER_ONDERZOEK', 'DIRECT_OPVOLGEN');

-- CreateEnum
CREATE TYPE "Prioriteit" AS ENUM ('LAAG', 'NORMAAL', 'HOOG');

-- CreateEnum
CREATE TYPE "OutgoingKind" AS ENUM ('ACCEPTATIESIGNAAL', 'FOUTMELDING', 'AANVULLING', 'NIET_IN_BEHANDELING', 'TERUGKOPPELING', 'DOORSTUREN');

-- CreateEnum
CREATE TYPE "OutgoingState" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'BOUNCED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "mfaSecretEnc" TEXT,
    "mfaEnrolledAt" TIMESTAMP(3),
    "recoveryCodeHashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mailbox" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "imapHost" TEXT NOT NULL,
    "imapPort" INTEGER NOT NULL DEFAULT 993,
    "imapTls" TEXT NOT NULL DEFAULT 'tls',
    "smtpHost" TEXT NOT NULL,
    "smtpPort" INTEGER NOT NULL DEFAULT 587,
    "smtpTls" TEXT NOT NULL DEFAULT 'starttls',
    "authType" "MailboxAuth" NOT NULL DEFAULT 'PASSWORD',
    "username" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "oauthTenantId" TEXT,
    "oauthClientId" TEXT,
    "fromAddress" TEXT NOT NULL,
    "signalRecipient" TEXT NOT NULL,
    "trustedDomains" TEXT[] DEFAULT ARRAY['politie.nl']::TEXT[],
    "authenticityPolicy" "AuthenticityPolicy" NOT NULL DEFAULT 'ENFORCE',
    "authservId" TEXT,
    "inboxFolder" TEXT NOT NULL DEFAULT 'INBOX',
    "processedFolder" TEXT NOT NULL DEFAULT 'Verwerkt',
    "errorFolder" TEXT NOT NULL DEFAULT 'Fout',
    "otherFolder" TEXT NOT NULL DEFAULT 'Overig',
    "quarantineFolder" TEXT NOT NULL DEFAULT 'Quarantaine',
    "sentFolder" TEXT,
    "otherMailAction" "OtherMailAction" NOT NULL DEFAULT 'MOVE',
    "pollIntervalSec" INTEGER NOT NULL DEFAULT 60,
    "lastSyncAt" TIMESTAMP(3),
    "lastErrorAt" TIMESTAMP(3),
    "lastError" TEXT,
    "holder" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" UUID NOT NULL,
    "mailboxId" UUID NOT NULL,
    "uidValidity" BIGINT NOT NULL,
    "uid" BIGINT NOT NULL,
    "messageId" TEXT,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "raw" BYTEA,
    "subject" TEXT,
    "fromAddress" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "MessageKind",
    "authenticity" JSONB,
    "state" "ProcessingState" NOT NULL DEFAULT 'STORED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "targetFolder" TEXT,
    "movedTo" TEXT,
    "processedAt" TIMESTAMP(3),
    "meldingId" UUID,

    CONSTRAINT "InboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Melding" (
    "id" UUID NOT NULL,
    "mailboxId" UUID,
    "formulier" JSONB,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "corrections" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "opnieuwOntvangen" BOOLEAN NOT NULL DEFAULT false,
    "kenmerk" TEXT NOT NULL,
    "bsn" TEXT,
    "voornamen" TEXT,
    "voorvoegsel" TEXT,
    "achternaam" TEXT,
    "geboortedatum" DATE,
    "postcode" TEXT,
    "plaats" TEXT,
    "voorvalPostcode" TEXT,
    "voorvalPlaats" TEXT,
    "voorvalVan" TIMESTAMP(3),
    "meldingTijdstip" TIMESTAMP(3),
    "organisatieonderdeel" TEXT,
    "behandelaarEmail" TEXT,
    "telefonischContactGewenst" BOOLEAN NOT NULL DEFAULT false,
    "veiligThuisGemeld" BOOLEAN NOT NULL DEFAULT false,
    "bestaandeHulpverlening" BOOLEAN NOT NULL DEFAULT false,
    "betrokkeneGeinformeerd" BOOLEAN,
    "doorgestuurd" BOOLEAN NOT NULL DEFAULT false,
    "doorgestuurdDoor" TEXT,
    "authenticityVerified" BOOLEAN NOT NULL DEFAULT false,
    "reactieOntvangen" BOOLEAN NOT NULL DEFAULT false,
    "buitenWerkgebied" BOOLEAN NOT NULL DEFAULT false,
    "hasWarnings" BOOLEAN NOT NULL DEFAULT false,
    "status" "MeldingStatus" NOT NULL DEFAULT 'ONTVANGEN',
    "uitkomst" "Uitkomst",
    "uitkomstToelichting" TEXT,
    "assigneeId" UUID,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "firstAssessedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Melding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeldingVersie" (
    "id" UUID NOT NULL,
    "meldingId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "formulier" JSONB,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "inboundMessageId" UUID,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeldingVersie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "meldingId" UUID,
    "inboundMessageId" UUID,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "declaredType" TEXT,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA,
    "isForm" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" UUID NOT NULL,
    "meldingId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" UUID NOT NULL,
    "meldingId" UUID NOT NULL,
    "actorId" UUID,
    "from" "MeldingStatus",
    "to" "MeldingStatus" NOT NULL,
    "uitkomst" "Uitkomst",
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Beoordeling" (
    "id" UUID NOT NULL,
    "meldingId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "uitkomst" "BeoordelingUitkomst" NOT NULL,
    "prioriteit" "Prioriteit" NOT NULL,
    "reden" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Beoordeling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutgoingMail" (
    "id" UUID NOT NULL,
    "mailboxId" UUID NOT NULL,
    "meldingId" UUID,
    "inboundMessageId" UUID,
    "kind" "OutgoingKind" NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "references" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state" "OutgoingState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutgoingMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "onBehalfOfId" UUID,
    "action" TEXT NOT NULL,
    "objectType" TEXT,
    "objectId" TEXT,
    "personKey" TEXT,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'SUCCESS',
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "hostname" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "beatAt" TIMESTAMP(3) NOT NULL,
    "loops" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_active_idx" ON "User"("role", "active");

-- CreateIndex
CREATE INDEX "Session_userId_revokedAt_idx" ON "Session"("userId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Mailbox_name_key" ON "Mailbox"("name");

-- CreateIndex
CREATE INDEX "InboundMessage_mailboxId_sha256_idx" ON "InboundMessage"("mailboxId", "sha256");

-- CreateIndex
CREATE INDEX "InboundMessage_state_mailboxId_idx" ON "InboundMessage"("state", "mailboxId");

-- CreateIndex
CREATE INDEX "InboundMessage_messageId_idx" ON "InboundMessage"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_mailboxId_uidValidity_uid_key" ON "InboundMessage"("mailboxId", "uidValidity", "uid");

-- CreateIndex
CREATE INDEX "Melding_status_receivedAt_idx" ON "Melding"("status", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Melding_receivedAt_idx" ON "Melding"("receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Melding_assigneeId_status_idx" ON "Melding"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Melding_kenmerk_idx" ON "Melding"("kenmerk");

-- CreateIndex
CREATE INDEX "Melding_bsn_idx" ON "Melding"("bsn");

-- CreateIndex
CREATE INDEX "Melding_achternaam_geboortedatum_idx" ON "Melding"("achternaam", "geboortedatum");

-- CreateIndex
CREATE INDEX "Melding_postcode_idx" ON "Melding"("postcode");

-- CreateIndex
CREATE INDEX "Melding_organisatieonderdeel_receivedAt_idx" ON "Melding"("organisatieonderdeel", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Melding_mailboxId_kenmerk_key" ON "Melding"("mailboxId", "kenmerk");

-- CreateIndex
CREATE UNIQUE INDEX "MeldingVersie_meldingId_version_key" ON "MeldingVersie"("meldingId", "version");

-- CreateIndex
CREATE INDEX "Attachment_meldingId_idx" ON "Attachment"("meldingId");

-- CreateIndex
CREATE INDEX "Note_meldingId_createdAt_idx" ON "Note"("meldingId", "createdAt");

-- CreateIndex
CREATE INDEX "StatusChange_meldingId_createdAt_idx" ON "StatusChange"("meldingId", "createdAt");

-- CreateIndex
CREATE INDEX "Beoordeling_meldingId_createdAt_idx" ON "Beoordeling"("meldingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingMail_messageId_key" ON "OutgoingMail"("messageId");

-- CreateIndex
CREATE INDEX "OutgoingMail_state_nextAttemptAt_idx" ON "OutgoingMail"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutgoingMail_meldingId_createdAt_idx" ON "OutgoingMail"("meldingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingMail_inboundMessageId_kind_key" ON "OutgoingMail"("inboundMessageId", "kind");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_objectType_objectId_at_idx" ON "AuditEvent"("objectType", "objectId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_personKey_at_idx" ON "AuditEvent"("personKey", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMessage" ADD CONSTRAINT "InboundMessage_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMessage" ADD CONSTRAINT "InboundMessage_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "Melding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Melding" ADD CONSTRAINT "Melding_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Melding" ADD CONSTRAINT "Melding_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeldingVersie" ADD CONSTRAINT "MeldingVersie_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "Melding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "Melding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_inboundMessageId_fkey" FOREIGN KEY ("inboundMessageId") REFERENCES "InboundMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "Melding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "Melding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beoordeling" ADD CONSTRAINT "Beoordeling_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "Melding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beoordeling" ADD CONSTRAINT "Beoordeling_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutgoingMail" ADD CONSTRAINT "OutgoingMail_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutgoingMail" ADD CONSTRAINT "OutgoingMail_meldingId_fkey" FOREIGN KEY ("meldingId") REFERENCES "Melding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_event_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "audit_event_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
