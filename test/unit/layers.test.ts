import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The layer table (ARCHITECTURE.md, "Layers") is a lint rule: biome.json's noRestrictedImports,
 * one override per folder. A probe file is written inside a layer folder, linted with the
 * project's own Biome and configuration, and removed again.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIOME = join(ROOT, "node_modules", ".bin", "biome");
const probes: string[] = [];

function lint(folder: string, source: string): { status: number | null; output: string } {
  const path = join(ROOT, "src", folder, `layer-probe-${randomBytes(4).toString("hex")}.ts`);
  probes.push(path);
  writeFileSync(path, source);
  const run = spawnSync(BIOME, ["lint", "--colors=off", "--max-diagnostics=50", path], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

afterEach(() => {
  for (const path of probes.splice(0)) rmSync(path, { force: true });
});

describe("the layer table, enforced by the linter", () => {
  it("refuses domain importing the server", () => {
    const { status, output } = lint("domain", 'export { startApp } from "../server/app.ts";\n');
    expect(status).not.toBe(0);
    expect(output).toContain("lint/style/noRestrictedImports");
    expect(output).toContain(
      "src/domain/ may import db (with the generated Prisma client), storage's types and the logger only",
    );
  });

  it("refuses events importing the database, and the engine importing the schema", () => {
    const events = lint("events", 'export type { Db } from "../db/client.ts";\n');
    expect(events.status).not.toBe(0);
    expect(events.output).toContain("src/events/ may import nothing of ours");
    const engine = lint("engine", 'export { builder } from "../schema/builder.ts";\n');
    expect(engine.status).not.toBe(0);
    expect(engine.output).toContain("src/engine/ may import domain, storage, events, db and the logger only");
  });

  it.each([
    {
      what: "the schema import db's types but not its values",
      folder: "schema",
      value: 'export { createDb } from "../db/client.ts";\n',
      refusal: "src/schema/ may import only db's types",
      types: 'export type { Db, Tx } from "../db/client.ts";\n',
    },
    {
      what: "the domain import the storage provider's types but not an implementation",
      folder: "domain",
      value: 'export { simulatedBlockStorage } from "../storage/block-storage.ts";\n',
      refusal: "src/domain/ may import only the provider's types",
      types: 'export type { BlockStorage } from "../storage/block-storage.ts";\n',
    },
  ])("lets $what", ({ folder, value, refusal, types }) => {
    const refused = lint(folder, value);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain(refusal);
    const allowed = lint(folder, types);
    expect(allowed.output).not.toContain("noRestrictedImports");
    expect(allowed.status).toBe(0);
  });

  it("lets an allowed import through", () => {
    const { status, output } = lint(
      "engine",
      'export type { Db } from "../db/client.ts";\nexport { isIdle } from "../domain/work.ts";\n',
    );
    expect(output).not.toContain("noRestrictedImports");
    expect(status).toBe(0);
  });
});
