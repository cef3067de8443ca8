import { gql } from "../support/client.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { type GatewayProcess, startGatewayProcess } from "../support/process.ts";
import { beforeAll, describe, expect, it } from "../support/test.ts";

let databaseUrl: string;

beforeAll(({ database }) => {
  databaseUrl = database.url;
});

async function stop(gateway: GatewayProcess): Promise<void> {
  gateway.child.kill("SIGTERM");
  expect(await gateway.exited).toBe(0);
}

function logLines(gateway: GatewayProcess): Array<Record<string, unknown>> {
  return gateway
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("NODE_ENV=production: safe by default (real processes, one database)", () => {
  it("refuses demo-key, even where an earlier development run seeded the demo account", async () => {
    const development = await startGatewayProcess({ DATABASE_URL: databaseUrl });
    expect((await gql(development.origin, ViewerDocument)).data?.viewer.name).toBe("demo");
    await stop(development);

    const production = await startGatewayProcess({ DATABASE_URL: databaseUrl, NODE_ENV: "production" });
    try {
      const refused = await gql(production.origin, ViewerDocument);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const page = await fetch(`${production.origin}/graphql`, { headers: { accept: "text/html" } });
      expect(await page.text()).not.toContain("<html");
    } finally {
      await stop(production);
    }
    const output = production.output();
    expect(output).not.toContain("demo-key");
    expect(output).not.toMatch(/graphiql/i);
    expect(output).toContain(`GraphQL:       ${production.origin}/graphql`);
    expect(output).toContain("no demo account (NODE_ENV=production)");
    const listening = logLines(production).find((line) => line.message === "image-gateway is listening");
    expect(listening).toMatchObject({ graphql: `${production.origin}/graphql` });
    expect(listening).not.toHaveProperty("graphiql");
    expect(logLines(production).filter((line) => line.level === "warn")).toEqual([]);
  });

  it("with DEMO_API_KEY set, serves the demo account on that key, warns once and never prints the key", async () => {
    const secret = "igk_operator-chosen-demo-secret";
    const production = await startGatewayProcess({
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      DEMO_API_KEY: secret,
    });
    try {
      expect((await gql(production.origin, ViewerDocument, undefined, secret)).data?.viewer.name).toBe(
        "demo",
      );
      expect((await gql(production.origin, ViewerDocument)).status).toBe(401);
    } finally {
      await stop(production);
    }
    expect(production.output()).not.toContain(secret);
    const warnings = logLines(production).filter((line) => line.level === "warn");
    expect(warnings.map((line) => line.message)).toEqual([
      "DEMO_API_KEY is set with NODE_ENV=production: the demo account accepts that key",
    ]);
  });
});
