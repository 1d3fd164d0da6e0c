-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MessageRollupDay" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "undelivered" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "received" INTEGER NOT NULL DEFAULT 0,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "costMicros" INTEGER NOT NULL DEFAULT 0,
    "shard" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "day", "subAccountId", "channel", "direction", "category", "country", "shard")
);
INSERT INTO "new_MessageRollupDay" ("accountId", "category", "channel", "conversations", "costMicros", "country", "day", "delivered", "direction", "messages", "queued", "read", "received", "rejected", "sent", "subAccountId", "undelivered") SELECT "accountId", "category", "channel", "conversations", "costMicros", "country", "day", "delivered", "direction", "messages", "queued", "read", "received", "rejected", "sent", "subAccountId", "undelivered" FROM "MessageRollupDay";
DROP TABLE "MessageRollupDay";
ALTER TABLE "new_MessageRollupDay" RENAME TO "MessageRollupDay";
CREATE TABLE "new_MessageRollupSlot" (
    "accountId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "undelivered" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "received" INTEGER NOT NULL DEFAULT 0,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "costMicros" INTEGER NOT NULL DEFAULT 0,
    "shard" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "slot", "subAccountId", "channel", "direction", "category", "country", "shard")
);
INSERT INTO "new_MessageRollupSlot" ("accountId", "category", "channel", "conversations", "costMicros", "country", "delivered", "direction", "messages", "queued", "read", "received", "rejected", "sent", "slot", "subAccountId", "undelivered") SELECT "accountId", "category", "channel", "conversations", "costMicros", "country", "delivered", "direction", "messages", "queued", "read", "received", "rejected", "sent", "slot", "subAccountId", "undelivered" FROM "MessageRollupSlot";
DROP TABLE "MessageRollupSlot";
ALTER TABLE "new_MessageRollupSlot" RENAME TO "MessageRollupSlot";
CREATE TABLE "new_MessageErrorRollupDay" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "errorCode" INTEGER NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "shard" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "day", "subAccountId", "channel", "errorCode", "shard")
);
INSERT INTO "new_MessageErrorRollupDay" ("accountId", "channel", "day", "errorCode", "messages", "subAccountId") SELECT "accountId", "channel", "day", "errorCode", "messages", "subAccountId" FROM "MessageErrorRollupDay";
DROP TABLE "MessageErrorRollupDay";
ALTER TABLE "new_MessageErrorRollupDay" RENAME TO "MessageErrorRollupDay";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
