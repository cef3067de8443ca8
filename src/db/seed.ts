import { DEMO_ACCOUNT, REGIONS, SYSTEM_IMAGES } from "../../prisma/seed-data.ts";
import { hashApiKey } from "./api-key-hash.ts";
import type { Db } from "./client.ts";
import { foldName } from "./folded-name.ts";

const SEEDED_AT = new Date("2026-01-01T00:00:00.000Z");

/** Stored as the key hash of a revoked demo account: no key hashes to it (a hash is hex). */
const REVOKED_KEY_HASH = `revoked:${DEMO_ACCOUNT.id}`;

/**
 * Idempotent: regions, SYSTEM images (offered in every region, so their region is null) and the demo
 * account. Without a demo key (production without DEMO_API_KEY) there is no demo account: one left by
 * an earlier development seed keeps its resources but loses its key.
 */
export async function seedDatabase(prisma: Db, demoApiKey: string | undefined): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const [sortOrder, region] of REGIONS.entries()) {
      await tx.region.upsert({
        where: { id: region.id },
        create: { ...region, sortOrder },
        update: { name: region.name, sortOrder },
      });
    }
    for (const image of SYSTEM_IMAGES) {
      const fields = {
        name: image.name,
        nameFolded: foldName(image.name),
        description: image.description,
        osType: image.osType,
        platform: image.platform,
        architecture: image.architecture,
        sizeGiB: image.sizeGiB,
      };
      await tx.image.upsert({
        where: { id: image.id },
        create: {
          id: image.id,
          ...fields,
          status: "AVAILABLE",
          ownerAlias: "SYSTEM",
          source: "SYSTEM",
          createdAt: SEEDED_AT,
          availableAt: SEEDED_AT,
        },
        update: fields,
      });
    }
    if (demoApiKey === undefined) {
      await tx.account.updateMany({ where: { id: DEMO_ACCOUNT.id }, data: { apiKeyHash: REVOKED_KEY_HASH } });
      return;
    }
    await tx.account.upsert({
      where: { id: DEMO_ACCOUNT.id },
      create: { ...DEMO_ACCOUNT, apiKeyHash: hashApiKey(demoApiKey) },
      update: { apiKeyHash: hashApiKey(demoApiKey) },
    });
  });
}
