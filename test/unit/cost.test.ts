import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/schema/index.ts";
import { operationCost } from "../../src/server/graphql/cost.ts";
import { checkDocumentSize, MAX_NESTING, MAX_TOKENS } from "../../src/server/graphql/limits.ts";

const cost = (document: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost(schema, parse(document), operationName, variables);

describe("operation cost (README: how cost is counted)", () => {
  it("counts 0 for scalars and introspection, 1 per object, 2 + first × inside per connection", () => {
    expect(cost("{ __typename viewer { id name } }")).toBe(1);
    expect(cost("{ __schema { types { name fields { name } } } }")).toBe(0);
    expect(cost("{ instances(first: 10) { totalCount edges { node { id } } } }")).toBe(2 + 10 * 2);
    expect(cost("{ instances { edges { node { id } } } }")).toBe(2 + 20 * 2);
  });

  it("takes first from the variables, then the variable's default, then the page default", () => {
    const document = "query($f: Int = 50) { images(first: $f) { edges { node { id } } } }";
    expect(cost(document, { f: 100 })).toBe(2 + 100 * 2);
    expect(cost(document, {})).toBe(2 + 50 * 2);
    expect(cost("query($f: Int) { images(first: $f) { edges { node { id } } } }", {})).toBe(2 + 20 * 2);
    // Above the page maximum is refused anyway; it counts as the maximum.
    expect(cost(document, { f: 10_000 })).toBe(2 + 100 * 2);
  });

  it("multiplies nested connections and counts nodes(ids:) by the number of IDs", () => {
    const nested =
      "{ disks(first: 10) { edges { node { snapshots(first: 5) { edges { node { id } } } } } } }";
    // each disk: edges 1 + node (1 + snapshots (2 + 5 × 2))
    expect(cost(nested)).toBe(2 + 10 * (1 + 1 + 12));
    const nodes = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Instance { disks { id } } } }";
    expect(cost(nodes, { ids: ["a", "b", "c"] })).toBe(1 + 3 * 1);
  });

  it("counts a fragment each time it is spread, and picks the named operation", () => {
    const document = `
      fragment F on Query { images(first: 10) { edges { node { id } } } }
      query A { ...F ...F }
      query B { viewer { id } }`;
    expect(cost(document, {}, "A")).toBe(2 * 22);
    expect(cost(document, {}, "B")).toBe(1);
  });
});

describe("document size before parsing", () => {
  it("refuses more tokens or deeper brackets than allowed, and leaves syntax errors to the parser", () => {
    expect(() => checkDocumentSize(`{ ${"a ".repeat(MAX_TOKENS)} }`)).toThrow(/tokens/);
    expect(() => checkDocumentSize(`${"{a".repeat(MAX_NESTING + 1)}${"}".repeat(MAX_NESTING + 1)}`)).toThrow(
      /nests more than/,
    );
    expect(() => checkDocumentSize('{ a(b: "unterminated ) }')).not.toThrow();
    // Comments are not tokens.
    expect(() => checkDocumentSize(`# ${"{ ".repeat(10_000)}\n{ a }`)).not.toThrow();
  });
});
