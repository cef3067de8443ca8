import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { contractProblems } from "../../scripts/check-contract.ts";
import { schema } from "../../src/schema/index.ts";

const committed = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");

describe("the served schema", () => {
  it("is the committed schema.graphql (run `npm run codegen` after changing the schema code)", () => {
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });
});

// The published contract lives outside the repository: `npm run contract:check -- <path>` (.ci/run).
describe("npm run contract:check", () => {
  it("accepts a contract the served schema contains", () => {
    expect(contractProblems(committed, schema)).toEqual([]);
  });

  it("names a field the served schema lacks and a changed argument default", () => {
    const contract = committed
      .replace(/type Query \{/, "type Query {\n  notServed: Int")
      .replace(
        "disks(after: String, filter: DiskFilter, first: Int)",
        "disks(after: String, filter: DiskFilter, first: Int = 20)",
      );
    expect(contractProblems(contract, schema)).toEqual([
      "Query.notServed was removed.",
      "Query.disks arg first defaultValue was removed.",
    ]);
  });
});
