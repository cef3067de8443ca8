import { DEMO_ACCOUNT } from "../../prisma/seed-data.ts";
import { createDb, type DbHandle } from "../../src/db/client.ts";
import { COPIES_PER_REGION, startWaitingCopies } from "../../src/domain/copies.ts";
import { afterAll, beforeAll, describe, expect, it } from "../support/test.ts";

// startWaitingCopies called by several promoters at once, as the replicas' engines would. On
// PostgreSQL each promoter has a client (and connections) of its own, so the promotions really
// race; SQLite serves one process, whose promoters share its one connection.

const REGION = "cn-shanghai";
const COPIES = 12;
const PROMOTERS = 8;
const NOW = new Date("2026-11-27T10:00:00.000Z");

let main: DbHandle;
const promoters: DbHandle[] = [];

beforeAll(({ database, db }) => {
  main = db;
  for (let i = 0; i < PROMOTERS; i++) {
    promoters.push(main.provider === "postgresql" ? createDb(database.url, { poolSize: 2 }) : main);
  }
});
afterAll(async () => {
  for (const handle of new Set(promoters)) if (handle !== main) await handle.prisma.$disconnect();
});

/** WAITING copies requested one after another in the same millisecond: only the queue orders them. */
async function requestCopies(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < COPIES; i++) {
    // IDs that sort against the arrival order, so that no ORDER BY id can pass for it.
    const id = `img-slot-${String(COPIES - i).padStart(2, "0")}`;
    await main.prisma.image.create({
      data: {
        id,
        accountId: DEMO_ACCOUNT.id,
        name: `slot-copy-${i}`,
        nameFolded: `slot-copy-${i}`,
        regionId: REGION,
        status: "WAITING",
        ownerAlias: "SELF",
        source: "COPY",
        osType: "LINUX",
        platform: "Ubuntu",
        architecture: "X86_64",
        sizeGiB: 20,
        createdAt: NOW,
        queueEntry: { create: {} },
      },
    });
    ids.push(id);
  }
  return ids;
}

async function statuses(ids: string[]): Promise<string[]> {
  const rows = await main.prisma.image.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row.status]));
  return ids.map((id) => byId.get(id)!);
}

describe("copy slots with concurrent promoters", () => {
  it(`never has more than ${COPIES_PER_REGION} copies CREATING in a region, and starts them in arrival order`, async () => {
    const arrival = await requestCopies();
    const started: string[] = [];
    const creatingSeen: number[] = [];

    for (let round = 0; round < 20 && started.length < COPIES; round++) {
      let promoting = true;
      const sample = async () => {
        while (promoting) {
          creatingSeen.push(
            await main.prisma.image.count({ where: { regionId: REGION, status: "CREATING" } }),
          );
        }
      };
      const promote = async (handle: DbHandle) => {
        for (let call = 0; call < 3; call++)
          started.push(...(await startWaitingCopies(handle.prisma, REGION, NOW)));
      };
      // Two copies finish while the promoters run, so the count changes under their feet.
      const finish = async () => {
        const creating = await main.prisma.image.findMany({
          where: { regionId: REGION, status: "CREATING" },
          orderBy: { queueEntry: { position: "asc" } },
          take: 2,
        });
        for (const { id } of creating) {
          await main.prisma.image.update({ where: { id }, data: { status: "AVAILABLE" } });
        }
      };
      const sampling = sample();
      await Promise.all([...promoters.map(promote), finish()]);
      promoting = false;
      await sampling;

      const now = await statuses(arrival);
      const creating = now.filter((status) => status === "CREATING").length;
      creatingSeen.push(creating);
      // Full whenever copies still wait (a copy that finished during the last promotion may have
      // left its slot free for the next round).
      if (now.includes("WAITING")) expect(creating).toBeGreaterThanOrEqual(COPIES_PER_REGION - 2);
      // Arrival order: what has started is always the oldest part of the queue.
      const firstWaiting = now.indexOf("WAITING");
      if (firstWaiting >= 0)
        expect(now.slice(firstWaiting).every((status) => status === "WAITING")).toBe(true);
    }

    expect(Math.max(...creatingSeen)).toBeLessThanOrEqual(COPIES_PER_REGION);
    expect(creatingSeen.length).toBeGreaterThan(20);
    // Each copy started once, by one promoter.
    expect(started).toHaveLength(COPIES);
    expect(new Set(started).size).toBe(COPIES);
    expect(new Set(started)).toEqual(new Set(arrival));
    expect((await statuses(arrival)).every((status) => status !== "WAITING")).toBe(true);
  });
});
