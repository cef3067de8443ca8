-- CreateTable
CREATE TABLE "CopyQueueEntry" (
    "position" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "imageId" TEXT NOT NULL,
    CONSTRAINT "CopyQueueEntry_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CopyQueueEntry_imageId_key" ON "CopyQueueEntry"("imageId");


-- Copies made before this migration keep their order (portable SQL: PostgreSQL runs it too).
INSERT INTO "CopyQueueEntry" ("imageId") SELECT "id" FROM "Image" WHERE "source" = 'COPY' ORDER BY "createdAt", "id";
