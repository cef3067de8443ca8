import {
  ConsoleImageChoicesDocument,
  ConsoleImageListDocument,
  ConsoleInstanceListDocument,
  ConsoleSnapshotListDocument,
} from "../../src/console/src/gql/graphql.ts";
import type { TestApp } from "../support/app.ts";
import { gqlData } from "../support/client.ts";
import { ManualClock } from "../support/clock.ts";
import { DisksDocument, DisksWithSnapshotCountsDocument } from "../support/documents/disks.ts";
import { CreateCustomImageDocument, ImagesByStatusDocument } from "../support/documents/images.ts";
import { ConsoleInstancesDocument } from "../support/documents/instances.ts";
import { CreateSnapshotDocument } from "../support/documents/snapshots.ts";
import { newInstance } from "../support/fixtures.ts";
import { statementsOf as statementsOfRequest } from "../support/statements.ts";
import { beforeAll, describe, expect, it, useServer } from "../support/test.ts";

const clock = new ManualClock();
let app: TestApp;
/** Every instance here has a system disk and two data disks. */
const TWO_DATA_DISKS = [{ sizeGiB: 20 }, { sizeGiB: 40 }];

// The engine never ticks on its own here: its steps read the database each interval.
useServer({ clock, config: { progressIntervalMs: 3_600_000 } });
beforeAll(async ({ server }) => {
  app = server;
  const regions = ["cn-hangzhou", "cn-shanghai", "us-west-1"];
  for (let i = 0; i < 100; i++) {
    clock.advance(1000);
    await newInstance(app.origin, {
      regionId: regions[i % regions.length] ?? "cn-hangzhou",
      name: `fleet-${i}`,
      dataDisks: TWO_DATA_DISKS,
    });
  }
}, 120_000);

const statementsOf = (run: () => Promise<unknown>) => statementsOfRequest(app.statements, run);

/**
 * A statement as the snapshots keep it: the same text on every run, the selected columns left out
 * (a new column is not a new statement), placeholders and quoting as SQLite and PostgreSQL differ.
 */
function normalized(statement: string): string {
  return statement
    .replace(/[`"]/g, "")
    .replace(/\b(main|public)\./g, "")
    .replace(/\$\d+/g, "?")
    .replace(/IN \((?:\?,)*\?\)/g, "IN (…)")
    .replace(/SELECT (?:(?!SELECT|FROM).)+? FROM/g, "SELECT … FROM")
    .replace(/\s+/g, " ")
    .trim();
}

const listing = (statements: string[]) =>
  `${statements.length} statements:\n${statements.map((s, i) => `${i + 1}. ${s}`).join("\n")}`;

describe("no N+1 queries", () => {
  it("loads the console's instance list (100 instances with disks and region) in at most 4 statements", async () => {
    const statements = await statementsOf(async () => {
      const { instances } = await gqlData(app.origin, ConsoleInstancesDocument, { first: 100 });
      expect(instances.totalCount).toBe(100);
      expect(instances.edges).toHaveLength(100);
      for (const { node } of instances.edges) {
        expect(node.disks.map((d) => d.device)).toEqual(["/dev/vda", "/dev/vdb", "/dev/vdc"]);
        expect(node.region.name.length).toBeGreaterThan(0);
      }
    });
    expect(statements.length, listing(statements)).toBeLessThanOrEqual(4);
  });

  it("loads 100 disks with their region and instance in a small constant number of statements", async () => {
    const counts: Record<number, string[]> = {};
    for (const first of [10, 100]) {
      counts[first] = await statementsOf(async () => {
        const { disks } = await gqlData(app.origin, DisksDocument, { first });
        expect(disks.totalCount).toBe(300);
        expect(disks.edges).toHaveLength(first);
        for (const { node } of disks.edges) {
          expect(node.instance?.id).toMatch(/^i-/);
          expect(node.region.id.length).toBeGreaterThan(0);
        }
      });
    }
    const small = counts[10] ?? [];
    const large = counts[100] ?? [];
    expect(large.length, listing(large)).toBeLessThanOrEqual(5);
    expect(large.length, `first: 10 -> ${listing(small)}\nfirst: 100 -> ${listing(large)}`).toBe(
      small.length,
    );
  });

  it("pages through all 300 disks with the same statement count on every page", async () => {
    const perPage: number[] = [];
    let after: string | null | undefined = null;
    let seen = 0;
    do {
      const statements = await statementsOf(async () => {
        const { disks } = await gqlData(app.origin, DisksDocument, { first: 100, after });
        seen += disks.edges.length;
        after = disks.pageInfo.hasNextPage ? disks.pageInfo.endCursor : null;
      });
      perPage.push(statements.length);
    } while (after);
    expect(seen).toBe(300);
    expect(new Set(perPage).size, `statements per page: ${perPage.join(", ")}`).toBe(1);
  });

  it("loads each disk's own page of snapshots with the disks, not one query per disk", async () => {
    const first = await gqlData(app.origin, DisksWithSnapshotCountsDocument, { first: 100 });
    for (const edge of first.disks.edges.slice(0, 30)) {
      const created = await gqlData(app.origin, CreateSnapshotDocument, { input: { diskId: edge.node.id } });
      expect(created.createSnapshot.userErrors).toEqual([]);
    }
    let page: Awaited<ReturnType<typeof gqlData<unknown, unknown>>> | undefined;
    const statements = await statementsOf(async () => {
      page = await gqlData(app.origin, DisksWithSnapshotCountsDocument, { first: 100 });
    });
    const disks = (page as { disks: { edges: { node: { snapshots: { totalCount: number } } }[] } }).disks
      .edges;
    expect(disks.filter((e) => e.node.snapshots.totalCount === 1)).toHaveLength(30);
    expect(statements.length, listing(statements)).toBeLessThanOrEqual(6);
  });

  it("lists images with their progress in a constant number of statements", async () => {
    const small = await statementsOf(() => gqlData(app.origin, ImagesByStatusDocument, { filter: {} }));
    expect(small.length, listing(small)).toBeLessThanOrEqual(3);
  });

  // Last: by now there are snapshots, and an image in flight is added here, so every list has rows
  // and every relation of theirs is loaded. A list that starts sending a statement per row (or one
  // more per page) shows as a diff of test/__snapshots__/console-lists.<database>.sql.
  it("sends the same statements for each of the console's lists", async () => {
    const { id: instanceId } = await newInstance(app.origin, { name: "imaged", dataDisks: TWO_DATA_DISKS });
    const created = await gqlData(app.origin, CreateCustomImageDocument, {
      input: { instanceId, name: "statement-list", ignoreCheckFailures: true },
    });
    expect(created.createCustomImage.userErrors).toEqual([]);
    const lists = {
      ConsoleInstanceList: () =>
        gqlData(app.origin, ConsoleInstanceListDocument, { regionId: "cn-hangzhou" }),
      ConsoleImageList: () => gqlData(app.origin, ConsoleImageListDocument, { regionId: "cn-hangzhou" }),
      ConsoleImageChoices: () =>
        gqlData(app.origin, ConsoleImageChoicesDocument, { regionId: "cn-hangzhou" }),
      ConsoleSnapshotList: () =>
        gqlData(app.origin, ConsoleSnapshotListDocument, { regionId: "cn-hangzhou" }),
    };
    const sections: string[] = [];
    for (const [name, list] of Object.entries(lists)) {
      // Sorted: relations load concurrently, and on a pool they finish in any order.
      const statements = (await statementsOf(list)).map(normalized).sort();
      sections.push(`-- ${name}: ${statements.length} statements\n${statements.join(";\n")};\n`);
    }
    // One file per database, so that a run on one never finds the other's snapshot obsolete.
    await expect(sections.join("\n")).toMatchFileSnapshot(
      `../__snapshots__/console-lists.${app.database.provider}.sql`,
    );
  });
});
