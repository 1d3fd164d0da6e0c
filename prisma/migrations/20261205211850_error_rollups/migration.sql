-- CreateTable
CREATE TABLE "MessageErrorRollupDay" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "errorCode" INTEGER NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "day", "subAccountId", "channel", "errorCode")
);
