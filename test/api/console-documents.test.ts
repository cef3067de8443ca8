import { type DocumentNode, Kind, print, visit } from "graphql";
import * as consoleDocuments from "../../src/console/src/gql/graphql.ts";
import { DEMO_KEY, type TestApp } from "../support/app.ts";
import { beforeAll, describe, expect, it } from "../support/test.ts";

let app: TestApp;
beforeAll(({ server }) => {
  app = server;
});

/** urql's document cache adds __typename to every selection set before sending. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(node, _key, parent) {
      if ((parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "__typename"))
        return undefined;
      return {
        ...node,
        selections: [
          ...node.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } },
        ],
      };
    },
  });
}

const documents = Object.entries(consoleDocuments as Record<string, unknown>)
  .filter(([name]) => name.endsWith("Document"))
  .map(([name, document]) => [name, document as DocumentNode] as const);

describe("the web console's documents", () => {
  it("are all found", () => {
    expect(documents.length).toBeGreaterThanOrEqual(15);
  });

  // A list that the gateway's cost or depth limit refuses would leave a console page loading forever.
  it.each(documents)("%s passes the gateway's document limits as urql sends it", async (_name, document) => {
    const response = await fetch(`${app.origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${DEMO_KEY}` },
      // No variables: execution refuses the request after validation, which is what is tested here.
      body: JSON.stringify({ query: print(withTypenames(document)) }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    const messages = (body.errors ?? []).map((e) => e.message);
    expect(messages.filter((m) => /cost|depth|limit/i.test(m))).toEqual([]);
  });
});
