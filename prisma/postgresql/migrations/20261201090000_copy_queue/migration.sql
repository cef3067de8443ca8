-- Derived from prisma/schema.prisma by scripts/derive-postgres.ts (npm run db:derive): do not edit.
-- CreateTable
CREATE TABLE "CopyQueueEntry" (
    "position" SERIAL NOT NULL,
    "imageId" TEXT NOT NULL,

    CONSTRAINT "CopyQueueEntry_pkey" PRIMARY KEY ("position")
);

-- CreateIndex
CREATE UNIQUE INDEX "CopyQueueEntry_imageId_key" ON "CopyQueueEntry"("imageId");

-- AddForeignKey
ALTER TABLE "CopyQueueEntry" ADD CONSTRAINT "CopyQueueEntry_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Copies made before this migration keep their order (portable SQL: PostgreSQL runs it too).
INSERT INTO "CopyQueueEntry" ("imageId") SELECT "id" FROM "Image" WHERE "source" = 'COPY' ORDER BY "createdAt", "id";
