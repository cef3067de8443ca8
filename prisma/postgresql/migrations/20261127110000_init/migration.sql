-- Derived from prisma/schema.prisma by scripts/derive-postgres.ts (npm run db:derive): do not edit.
-- CreateEnum
CREATE TYPE "InstanceStatus" AS ENUM ('RUNNING', 'STOPPED', 'EXPIRED', 'RELEASED');

-- CreateEnum
CREATE TYPE "OsType" AS ENUM ('LINUX', 'WINDOWS');

-- CreateEnum
CREATE TYPE "Architecture" AS ENUM ('X86_64', 'ARM64');

-- CreateEnum
CREATE TYPE "DiskType" AS ENUM ('SYSTEM', 'DATA');

-- CreateEnum
CREATE TYPE "DiskStatus" AS ENUM ('IN_USE', 'AVAILABLE', 'RELEASED');

-- CreateEnum
CREATE TYPE "SnapshotStatus" AS ENUM ('PROGRESSING', 'ACCOMPLISHED', 'FAILED');

-- CreateEnum
CREATE TYPE "ImageStatus" AS ENUM ('WAITING', 'CREATING', 'AVAILABLE', 'CREATE_FAILED', 'CANCELLED', 'DEPRECATED');

-- CreateEnum
CREATE TYPE "ImageOwnerAlias" AS ENUM ('SYSTEM', 'SELF');

-- CreateEnum
CREATE TYPE "ImageSource" AS ENUM ('SYSTEM', 'INSTANCE', 'SNAPSHOT', 'COPY');

-- CreateEnum
CREATE TYPE "CheckResult" AS ENUM ('PASS', 'WARN', 'FAIL');

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "apiKeyHash" TEXT NOT NULL,
    "imageQuotaPerRegion" INTEGER NOT NULL DEFAULT 100,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "InstanceStatus" NOT NULL,
    "osType" "OsType" NOT NULL,
    "platform" TEXT NOT NULL,
    "architecture" "Architecture" NOT NULL,
    "imageId" TEXT,
    "lockedByImageId" TEXT,
    "guestFstabDataDiskEntries" JSONB NOT NULL,
    "guestMountedFileSystems" JSONB NOT NULL,
    "guestKernelUpgraded" BOOLEAN NOT NULL DEFAULT false,
    "guestSystemDiskPartitions" INTEGER NOT NULL DEFAULT 1,
    "guestSystemDiskFreeMiB" INTEGER NOT NULL DEFAULT 10240,
    "guestModifiedSystemPaths" JSONB NOT NULL,
    "guestRootUsername" TEXT NOT NULL DEFAULT 'root',
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "Instance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disk" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "instanceId" TEXT,
    "type" "DiskType" NOT NULL,
    "device" TEXT NOT NULL,
    "sizeGiB" INTEGER NOT NULL,
    "status" "DiskStatus" NOT NULL,
    "sourceSnapshotId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "Disk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "name" TEXT,
    "description" TEXT,
    "status" "SnapshotStatus" NOT NULL,
    "sourceDiskId" TEXT NOT NULL,
    "sourceDiskType" "DiskType" NOT NULL,
    "sourceDiskSizeGiB" INTEGER NOT NULL,
    "device" TEXT NOT NULL,
    "imageId" TEXT,
    "copiedFromId" TEXT,
    "startedAt" TIMESTAMP(3),
    "gibPerSecond" DOUBLE PRECISION NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "accountId" TEXT,
    "name" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "description" TEXT,
    "regionId" TEXT,
    "status" "ImageStatus" NOT NULL,
    "ownerAlias" "ImageOwnerAlias" NOT NULL,
    "source" "ImageSource" NOT NULL,
    "osType" "OsType" NOT NULL,
    "platform" TEXT NOT NULL,
    "architecture" "Architecture" NOT NULL,
    "sizeGiB" INTEGER NOT NULL,
    "sourceInstanceId" TEXT,
    "sourceSnapshotId" TEXT,
    "sourceImageId" TEXT,
    "sourceRegionId" TEXT,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageDiskMapping" (
    "id" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "type" "DiskType" NOT NULL,
    "sizeGiB" INTEGER NOT NULL,
    "snapshotId" TEXT,

    CONSTRAINT "ImageDiskMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageCheck" (
    "imageId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "result" "CheckResult" NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "ImageCheck_pkey" PRIMARY KEY ("imageId","position")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "accountId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("accountId","operation","token")
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

-- AddForeignKey
ALTER TABLE "Instance" ADD CONSTRAINT "Instance_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instance" ADD CONSTRAINT "Instance_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instance" ADD CONSTRAINT "Instance_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instance" ADD CONSTRAINT "Instance_lockedByImageId_fkey" FOREIGN KEY ("lockedByImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disk" ADD CONSTRAINT "Disk_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disk" ADD CONSTRAINT "Disk_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disk" ADD CONSTRAINT "Disk_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disk" ADD CONSTRAINT "Disk_sourceSnapshotId_fkey" FOREIGN KEY ("sourceSnapshotId") REFERENCES "Snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_sourceDiskId_fkey" FOREIGN KEY ("sourceDiskId") REFERENCES "Disk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_sourceInstanceId_fkey" FOREIGN KEY ("sourceInstanceId") REFERENCES "Instance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_sourceSnapshotId_fkey" FOREIGN KEY ("sourceSnapshotId") REFERENCES "Snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_sourceImageId_fkey" FOREIGN KEY ("sourceImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_sourceRegionId_fkey" FOREIGN KEY ("sourceRegionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageDiskMapping" ADD CONSTRAINT "ImageDiskMapping_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageDiskMapping" ADD CONSTRAINT "ImageDiskMapping_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageCheck" ADD CONSTRAINT "ImageCheck_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyRecord" ADD CONSTRAINT "IdempotencyRecord_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules Prisma's schema language cannot express: partial unique indexes, so that the database
-- (not a check-then-insert) refuses a second live image of one name and a second snapshot in
-- progress on one disk.
CREATE UNIQUE INDEX "Image_live_name_key" ON "Image"("accountId", "regionId", "name") WHERE "status" <> 'CANCELLED' AND "deletedAt" IS NULL;
CREATE UNIQUE INDEX "Snapshot_disk_in_progress_key" ON "Snapshot"("sourceDiskId") WHERE "status" = 'PROGRESSING' AND "copiedFromId" IS NULL;
