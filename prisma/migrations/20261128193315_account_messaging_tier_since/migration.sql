-- AlterTable
ALTER TABLE "Account" ADD COLUMN "messagingTierSince" DATETIME;
