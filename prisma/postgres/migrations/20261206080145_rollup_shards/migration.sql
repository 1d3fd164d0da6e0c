-- AlterTable
ALTER TABLE "MessageRollupDay" DROP CONSTRAINT "MessageRollupDay_pkey",
ADD COLUMN     "shard" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "MessageRollupDay_pkey" PRIMARY KEY ("accountId", "day", "subAccountId", "channel", "direction", "category", "country", "shard");

-- AlterTable
ALTER TABLE "MessageRollupSlot" DROP CONSTRAINT "MessageRollupSlot_pkey",
ADD COLUMN     "shard" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "MessageRollupSlot_pkey" PRIMARY KEY ("accountId", "slot", "subAccountId", "channel", "direction", "category", "country", "shard");

-- AlterTable
ALTER TABLE "MessageErrorRollupDay" DROP CONSTRAINT "MessageErrorRollupDay_pkey",
ADD COLUMN     "shard" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "MessageErrorRollupDay_pkey" PRIMARY KEY ("accountId", "day", "subAccountId", "channel", "errorCode", "shard");
