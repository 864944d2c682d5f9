-- AlterTable
ALTER TABLE "Melding" ADD COLUMN     "aanvullingGevraagd" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "basisteam" TEXT,
ADD COLUMN     "eenheid" TEXT,
ADD COLUMN     "gemeente" TEXT,
ADD COLUMN     "herhaling" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "loketAdvies" TEXT,
ADD COLUMN     "pc4" INTEGER,
ADD COLUMN     "reden" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "mfaVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "success" BOOLEAN NOT NULL,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MailTemplate" (
    "kind" "OutgoingKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "MailTemplate_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "WerkgebiedGemeente" (
    "naam" TEXT NOT NULL,

    CONSTRAINT "WerkgebiedGemeente_pkey" PRIMARY KEY ("naam")
);

-- CreateTable
CREATE TABLE "WerkgebiedPostcode" (
    "id" UUID NOT NULL,
    "van" INTEGER NOT NULL,
    "tot" INTEGER NOT NULL,

    CONSTRAINT "WerkgebiedPostcode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnderMeldpunt" (
    "id" UUID NOT NULL,
    "naam" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "AnderMeldpunt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeldingFeit" (
    "id" UUID NOT NULL,
    "receivedDate" DATE NOT NULL,
    "gemeente" TEXT,
    "pc4" INTEGER,
    "eenheid" TEXT,
    "basisteam" TEXT,
    "status" "MeldingStatus" NOT NULL,
    "uitkomst" "Uitkomst",
    "loketAdvies" TEXT,
    "signalSeconds" INTEGER,
    "firstAssessmentSeconds" INTEGER,
    "closedSeconds" INTEGER,
    "assessedWithinWerkdagen" BOOLEAN,
    "telefonischContactGewenst" BOOLEAN NOT NULL,
    "veiligThuisGemeld" BOOLEAN NOT NULL,
    "bestaandeHulpverlening" BOOLEAN NOT NULL,
    "betrokkeneGeinformeerd" BOOLEAN,
    "aanvullingGevraagd" BOOLEAN NOT NULL,
    "herhaling" BOOLEAN NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeldingFeit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_at_idx" ON "LoginAttempt"("ip", "at");

-- CreateIndex
CREATE UNIQUE INDEX "AnderMeldpunt_naam_key" ON "AnderMeldpunt"("naam");

-- CreateIndex
CREATE INDEX "MeldingFeit_receivedDate_idx" ON "MeldingFeit"("receivedDate");

-- CreateIndex
CREATE INDEX "Melding_gemeente_receivedAt_idx" ON "Melding"("gemeente", "receivedAt");

-- CreateIndex
CREATE INDEX "Melding_eenheid_basisteam_receivedAt_idx" ON "Melding"("eenheid", "basisteam", "receivedAt");
