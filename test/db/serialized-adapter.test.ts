import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { seedDatabase } from "../../src/db/seed.ts";
import { isPostgresUrl } from "../../src/db/url.ts";

let dir: string;
let prisma: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "image-gateway-adapter-"));
  const file = join(dir, "adapter.db");
  // SQLite only, on both runs: the serialized adapter exists for SQLite's one connection (PostgreSQL
  // has a pool). When the suite's template is PostgreSQL, this file migrates a SQLite file itself.
  const template = inject("templateDatabase");
  if (isPostgresUrl(template)) await migrateDatabase(`file:${file}`);
  else copyFileSync(template, file);
  prisma = createDb(`file:${file}`).prisma;
  await seedDatabase(prisma, "demo-key");
});
afterAll(async () => {
  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("one SQLite connection shared by concurrent requests", () => {
  it("keeps a plain write out of another request's open transaction, so its rollback cannot undo it", async () => {
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    let letGo!: () => void;
    const proceed = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    const rolledBack = prisma
      .$transaction(async (tx) => {
        await tx.region.update({ where: { id: "cn-beijing" }, data: { name: "uncommitted" } });
        inside();
        await proceed;
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);

    await entered;
    // While the transaction is open, a plain read must not see its write, and a plain write waits.
    // (Prisma queries are lazy: .then sends them now.)
    const read = prisma.region.findUniqueOrThrow({ where: { id: "cn-beijing" } }).then((r) => r);
    const write = prisma.region
      .update({ where: { id: "cn-shanghai" }, data: { name: "committed" } })
      .then((r) => r);
    await new Promise((resolve) => setImmediate(resolve));
    letGo();
    expect(await rolledBack).toBe("roll back");
    expect((await read).name).toBe("China (Beijing)");
    await write;
    const after = await prisma.region.findMany({ where: { id: { in: ["cn-beijing", "cn-shanghai"] } } });
    expect(Object.fromEntries(after.map((r) => [r.id, r.name]))).toEqual({
      "cn-beijing": "China (Beijing)",
      "cn-shanghai": "committed",
    });
  });
});
