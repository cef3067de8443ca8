import { type App, startApp } from "../../../src/server/app.ts";
import type { DataDiskInput } from "../../generated/graphql.ts";
import { DEMO_KEY, testConfig } from "../../support/app.ts";
import { gqlData } from "../../support/client.ts";
import { CancelCopyImageDocument } from "../../support/documents/copies.ts";
import { afterEach, beforeEach, describe, expect, it } from "../../support/test.ts";
import * as admin from "./helpers.ts";

describe("copyImage idempotency and quota", () => {
  admin.freshAppPerTest();

  it("a retry with the same clientToken and input returns the same copy", async () => {
    const source = await admin.availableImage("retried");
    const input = { imageId: source.id, destinationRegionId: admin.SHANGHAI, clientToken: "copy-retried-1" };
    const first = await admin.copyImage(input);
    expect(first.userErrors).toEqual([]);
    const retry = await admin.copyImage(input);
    expect(retry.userErrors).toEqual([]);
    expect(retry.image?.id).toBe(first.image!.id);
    expect(await admin.listImageIds({ regionId: admin.SHANGHAI, nameContains: "retried" })).toEqual([
      first.image!.id,
    ]);

    // Still the same copy once it has finished.
    await admin.tick(26_000);
    const late = await admin.copyImage(input);
    expect(late.image).toMatchObject({ id: first.image!.id, status: "AVAILABLE" });
    expect(await admin.listImageIds({ regionId: admin.SHANGHAI, nameContains: "retried" })).toEqual([
      first.image!.id,
    ]);
  });

  it("the same clientToken with other input is IDEMPOTENT_PARAMETER_MISMATCH", async () => {
    const source = await admin.availableImage("tokened");
    const first = await admin.copyImage({
      imageId: source.id,
      destinationRegionId: admin.SHANGHAI,
      clientToken: "copy-tokened-1",
    });
    expect(first.userErrors).toEqual([]);
    const before = await admin.state();
    for (const input of [
      { imageId: source.id, destinationRegionId: admin.BEIJING, clientToken: "copy-tokened-1" },
      {
        imageId: source.id,
        destinationRegionId: admin.SHANGHAI,
        name: "tokened-2",
        clientToken: "copy-tokened-1",
      },
    ]) {
      const refused = await admin.copyImage(input);
      expect(refused.image).toBeNull();
      admin.expectRefused(refused.userErrors, "IDEMPOTENT_PARAMETER_MISMATCH", ["input", "clientToken"]);
    }
    expect(await admin.state()).toEqual(before);
  });

  it("QUOTA_EXCEEDED is judged in the destination region", async () => {
    const key = await admin.app.newAccount("admin-quota-one");
    await admin.app.prisma.account.update({
      where: { name: "admin-quota-one" },
      data: { imageQuotaPerRegion: 1 },
    });
    const source = await admin.availableImage("quota-src", { key });

    // cn-hangzhou is full for this account, yet the copy goes to a region with room.
    const copied = await admin.copyImage({ imageId: source.id, destinationRegionId: admin.SHANGHAI }, key);
    expect(copied.userErrors).toEqual([]);
    expect(copied.image).toMatchObject({ region: { id: admin.SHANGHAI }, status: "CREATING" });

    const before = await admin.state(key);
    const refused = await admin.copyImage(
      { imageId: source.id, destinationRegionId: admin.SHANGHAI, name: "quota-src-2" },
      key,
    );
    expect(refused.image).toBeNull();
    const error = admin.expectRefused(refused.userErrors, "QUOTA_EXCEEDED", ["input"]);
    expect(error.message).toContain(admin.SHANGHAI);
    expect(await admin.state(key)).toEqual(before);

    // Another region still has room; a cancelled copy frees its slot.
    expect(
      (await admin.copyImage({ imageId: source.id, destinationRegionId: admin.BEIJING }, key)).userErrors,
    ).toEqual([]);
    await gqlData(admin.app.origin, CancelCopyImageDocument, { input: { imageId: copied.image!.id } }, key);
    const retried = await admin.copyImage(
      { imageId: source.id, destinationRegionId: admin.SHANGHAI, name: "quota-src-2" },
      key,
    );
    expect(retried.userErrors).toEqual([]);
  });
});

// ------------------------------------------------------------------ the copy queue across a restart

describe("the copy queue", () => {
  // Gateways one after the other on one database (the file's own).
  let databaseUrl: string;
  const running: App[] = [];

  beforeEach(({ database }) => {
    databaseUrl = database.url;
  });
  afterEach(async () => {
    for (const started of running.splice(0)) await started.close();
  });

  async function start(): Promise<App> {
    const config = testConfig(databaseUrl, admin.RATES);
    const started = await startApp(config, { skipMigrations: true, clock: admin.clock });
    running.push(started);
    return started;
  }

  async function stop(target: App): Promise<void> {
    running.splice(running.indexOf(target), 1);
    await target.close();
  }

  async function sourceImage(target: App, name: string, dataDisks: DataDiskInput[]) {
    const { image } = await admin.creatingImage(name, { origin: target.origin, dataDisks });
    await admin.tick(13_000, target);
    expect((await admin.readImage(image.id, DEMO_KEY, target.origin)).image?.status).toBe("AVAILABLE");
    return image.id;
  }

  it("survives a restart: waiting copies still wait, then start by themselves oldest first, and all end AVAILABLE", async () => {
    const first = await start();
    // A 20 GiB image copies in 5 s at 4 GiB/s; one with a 100 GiB data disk in 25 s.
    const small = await sourceImage(first, "queue-small", []);
    const big = await sourceImage(first, "queue-big", admin.STANDARD_DISKS);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const copied = await admin.copyImage(
        { imageId: i === 0 ? small : big, destinationRegionId: "eu-central-1", name: `queued-${i}` },
        DEMO_KEY,
        first.origin,
      );
      expect(copied.userErrors).toEqual([]);
      expect(copied.image?.status).toBe(i < 5 ? "CREATING" : "WAITING");
      ids.push(copied.image!.id);
      admin.clock.advance(1); // distinct arrival times
    }
    await stop(first);

    const second = await start();
    const statuses = async () =>
      Promise.all(ids.map(async (id) => (await admin.readImage(id, DEMO_KEY, second.origin)).image?.status));
    /** The seven copies' statuses in order, as runs of [status, how many]. */
    const inOrder = (...runs: [string, number][]) => runs.flatMap(([status, n]) => Array(n).fill(status));
    const waiting = inOrder(["CREATING", 5], ["WAITING", 2]);
    expect(await statuses()).toEqual(waiting);
    await admin.tick(1_000, second); // nothing finished: nothing starts
    expect(await statuses()).toEqual(waiting);

    // The small copy finishes: the oldest waiting copy (the sixth) takes its slot.
    await admin.tick(4_500, second);
    expect(await statuses()).toEqual(inOrder(["AVAILABLE", 1], ["CREATING", 5], ["WAITING", 1]));
    // The four big ones finish (25 s after they started): the seventh starts.
    await admin.tick(20_000, second);
    expect(await statuses()).toEqual(inOrder(["AVAILABLE", 5], ["CREATING", 2]));
    await admin.tick(26_000, second);
    expect(await statuses()).toEqual(Array(7).fill("AVAILABLE"));
  });
});
