-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "apiKeyHash" TEXT NOT NULL,
    "imageQuotaPerRegion" INTEGER NOT NULL DEFAULT 100,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "osType" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "architecture" TEXT NOT NULL,
    "imageId" TEXT,
    "lockedByImageId" TEXT,
    "guestFstabDataDiskEntries" JSONB NOT NULL,
    "guestMountedFileSystems" JSONB NOT NULL,
    "guestKernelUpgraded" BOOLEAN NOT NULL DEFAULT false,
    "guestSystemDiskPartitions" INTEGER NOT NULL DEFAULT 1,
    "guestSystemDiskFreeMiB" INTEGER NOT NULL DEFAULT 10240,
    "guestModifiedSystemPaths" JSONB NOT NULL,
    "guestRootUsername" TEXT NOT NULL DEFAULT 'root',
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" DATETIME,
    CONSTRAINT "Instance_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Instance_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Instance_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Instance_lockedByImageId_fkey" FOREIGN KEY ("lockedByImageId") REFERENCES "Image" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Disk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "instanceId" TEXT,
    "type" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "sizeGiB" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "sourceSnapshotId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" DATETIME,
    CONSTRAINT "Disk_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Disk_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Disk_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Disk_sourceSnapshotId_fkey" FOREIGN KEY ("sourceSnapshotId") REFERENCES "Snapshot" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "name" TEXT,
    "description" TEXT,
    "status" TEXT NOT NULL,
    "sourceDiskId" TEXT NOT NULL,
    "sourceDiskType" TEXT NOT NULL,
    "sourceDiskSizeGiB" INTEGER NOT NULL,
    "device" TEXT NOT NULL,
    "imageId" TEXT,
    "copiedFromId" TEXT,
    "startedAt" DATETIME,
    "gibPerSecond" REAL NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "failureReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "Snapshot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Snapshot_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Snapshot_sourceDiskId_fkey" FOREIGN KEY ("sourceDiskId") REFERENCES "Disk" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Snapshot_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT,
    "name" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "description" TEXT,
    "regionId" TEXT,
    "status" TEXT NOT NULL,
    "ownerAlias" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "osType" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "architecture" TEXT NOT NULL,
    "sizeGiB" INTEGER NOT NULL,
    "sourceInstanceId" TEXT,
    "sourceSnapshotId" TEXT,
    "sourceImageId" TEXT,
    "sourceRegionId" TEXT,
    "failureReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" DATETIME,
    "deletedAt" DATETIME,
    CONSTRAINT "Image_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Image_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Image_sourceInstanceId_fkey" FOREIGN KEY ("sourceInstanceId") REFERENCES "Instance" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Image_sourceSnapshotId_fkey" FOREIGN KEY ("sourceSnapshotId") REFERENCES "Snapshot" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Image_sourceImageId_fkey" FOREIGN KEY ("sourceImageId") REFERENCES "Image" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Image_sourceRegionId_fkey" FOREIGN KEY ("sourceRegionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImageDiskMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "imageId" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "sizeGiB" INTEGER NOT NULL,
    "snapshotId" TEXT,
    CONSTRAINT "ImageDiskMapping_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImageDiskMapping_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImageCheck" (
    "imageId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    PRIMARY KEY ("imageId", "position"),
    CONSTRAINT "ImageCheck_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "accountId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("accountId", "operation", "token"),
    CONSTRAINT "IdempotencyRecord_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_name_key" ON "Account"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Account_apiKeyHash_key" ON "Account"("apiKeyHash");

-- CreateIndex
CREATE UNIQUE INDEX "Instance_lockedByImageId_key" ON "Instance"("lockedByImageId");

-- CreateIndex
CREATE INDEX "Instance_accountId_createdAt_id_idx" ON "Instance"("accountId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Instance_imageId_idx" ON "Instance"("imageId");

-- CreateIndex
CREATE INDEX "Disk_accountId_createdAt_id_idx" ON "Disk"("accountId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Disk_instanceId_idx" ON "Disk"("instanceId");

-- CreateIndex
CREATE INDEX "Snapshot_accountId_createdAt_id_idx" ON "Snapshot"("accountId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Snapshot_sourceDiskId_status_idx" ON "Snapshot"("sourceDiskId", "status");

-- CreateIndex
CREATE INDEX "Snapshot_imageId_idx" ON "Snapshot"("imageId");

-- CreateIndex
CREATE INDEX "Snapshot_status_idx" ON "Snapshot"("status");

-- CreateIndex
CREATE INDEX "Image_accountId_regionId_name_idx" ON "Image"("accountId", "regionId", "name");

-- CreateIndex
CREATE INDEX "Image_accountId_createdAt_id_idx" ON "Image"("accountId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Image_regionId_status_createdAt_idx" ON "Image"("regionId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Image_sourceImageId_status_idx" ON "Image"("sourceImageId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ImageDiskMapping_imageId_device_key" ON "ImageDiskMapping"("imageId", "device");


-- Rules Prisma's schema language cannot express: partial unique indexes, so that the database
-- (not a check-then-insert) refuses a second live image of one name and a second snapshot in
-- progress on one disk.
CREATE UNIQUE INDEX "Image_live_name_key" ON "Image"("accountId", "regionId", "name") WHERE "status" <> 'CANCELLED' AND "deletedAt" IS NULL;
CREATE UNIQUE INDEX "Snapshot_disk_in_progress_key" ON "Snapshot"("sourceDiskId") WHERE "status" = 'PROGRESSING' AND "copiedFromId" IS NULL;
