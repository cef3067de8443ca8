import { readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges, findDangerousChanges, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.ts";

const contractPath = new URL("../../shared/contract/schema.graphql", import.meta.url);

describe("the served schema", () => {
  it("is the committed schema.graphql (run `npm run codegen` after changing the schema code)", () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it("contains the whole of ../shared/contract/schema.graphql: no breaking change", () => {
    const contract = buildSchema(readFileSync(contractPath, "utf8"));
    const breaking = findBreakingChanges(contract, schema).map((change) => change.description);
    expect(breaking).toEqual([]);
  });

  it("keeps the contract's argument and input defaults", () => {
    const contract = buildSchema(readFileSync(contractPath, "utf8"));
    const dangerous = findDangerousChanges(contract, schema)
      .map((change) => change.description)
      .filter((description) => /default value/i.test(description));
    expect(dangerous).toEqual([]);
  });
});
