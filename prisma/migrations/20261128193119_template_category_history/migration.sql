-- AlterTable
ALTER TABLE "TemplateStatusChange" ADD COLUMN "fromCategory" TEXT;
ALTER TABLE "TemplateStatusChange" ADD COLUMN "toCategory" TEXT;
