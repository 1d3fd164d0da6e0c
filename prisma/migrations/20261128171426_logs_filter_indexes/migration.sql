-- DropIndex
DROP INDEX "Message_subAccountId_direction_createdAt_id_idx";

-- DropIndex
DROP INDEX "Message_subAccountId_msisdn_createdAt_id_idx";

-- DropIndex
DROP INDEX "Message_subAccountId_status_createdAt_id_idx";

-- DropIndex
DROP INDEX "Message_subAccountId_channel_createdAt_id_idx";

-- DropIndex
DROP INDEX "Message_subAccountId_country_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "Message_logs_direction_idx" ON "Message"("subAccountId", "direction", "createdAt", "id", "channel", "country");

-- CreateIndex
CREATE INDEX "Message_logs_msisdn_idx" ON "Message"("subAccountId", "msisdn", "createdAt", "id", "direction", "channel");

-- CreateIndex
CREATE INDEX "Message_logs_status_idx" ON "Message"("subAccountId", "status", "createdAt", "id", "direction", "channel", "country");

-- CreateIndex
CREATE INDEX "Message_logs_channel_idx" ON "Message"("subAccountId", "channel", "createdAt", "id", "direction", "country");

-- CreateIndex
CREATE INDEX "Message_logs_country_idx" ON "Message"("subAccountId", "country", "createdAt", "id", "direction", "channel");
