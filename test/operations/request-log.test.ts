import { print } from "graphql";
import { hashApiKey } from "../../src/domain/accounts.ts";
import { requestIdFor } from "../../src/server/observability/request-log.ts";
import { DEMO_KEY } from "../support/app.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { CreateInstanceDocument } from "../support/documents/instances.ts";
import { type GatewayProcess, startGatewayProcess } from "../support/process.ts";
import { afterAll, beforeAll, describe, expect, it } from "../support/test.ts";

let gateway: GatewayProcess;

beforeAll(async ({ database }) => {
  gateway = await startGatewayProcess({ DATABASE_URL: database.url });
});
afterAll(async () => {
  if (gateway?.child.exitCode === null) {
    gateway.child.kill("SIGKILL");
    await gateway.exited;
  }
});

type Line = Record<string, unknown>;
function lines(): Line[] {
  return gateway
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Line);
}
const requestLines = () => lines().filter((line) => line.message === "request");

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${gateway.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${DEMO_KEY}`, ...headers },
    body: JSON.stringify(body),
  });
}

/** The line of one request, once the process has written it. */
async function lineFor(requestId: string): Promise<Line> {
  let found: Line | undefined;
  await expect
    .poll(() => {
      found = requestLines().find((line) => line.requestId === requestId);
      return found;
    })
    .toBeDefined();
  return found!;
}

describe("the request log (a real process)", () => {
  it("writes one JSON line per request with its ID, operation, account, status, duration and error codes", async () => {
    const viewer = await post({ query: print(ViewerDocument) }, { "x-request-id": "trace-0af7651916cd43dd" });
    expect(viewer.headers.get("x-request-id")).toBe("trace-0af7651916cd43dd");
    const account = ((await viewer.json()) as { data: { viewer: { id: string } } }).data.viewer.id;
    expect(await lineFor("trace-0af7651916cd43dd")).toMatchObject({
      level: "info",
      method: "POST",
      path: "/graphql",
      status: 200,
      operationName: "Viewer",
      accountId: account,
    });
    expect(typeof (await lineFor("trace-0af7651916cd43dd")).durationMs).toBe("number");

    const refused = await post(
      { query: print(ViewerDocument), operationName: "Viewer" },
      { authorization: "Bearer wrong-key" },
    );
    expect(refused.status).toBe(401);
    const refusedId = refused.headers.get("x-request-id")!;
    expect(refusedId).toMatch(/^[0-9a-f-]{36}$/);
    const refusedLine = await lineFor(refusedId);
    expect(refusedLine).toMatchObject({
      status: 401,
      operationName: "Viewer",
      errorCodes: ["UNAUTHENTICATED"],
    });
    expect(refusedLine).not.toHaveProperty("accountId");

    const invalid = await post({
      query: print(CreateInstanceDocument),
      variables: { input: { regionId: "cn-hangzhou", name: "x", imageId: "no-such-image" } },
    });
    const invalidLine = await lineFor(invalid.headers.get("x-request-id")!);
    expect(invalidLine).toMatchObject({ status: 200, operationName: "CreateInstance", accountId: account });
    expect(invalidLine.userErrorCodes).toEqual(expect.arrayContaining([expect.any(String)]));

    const malformed = await post({ query: "{ viewer { nope } }" });
    expect(await lineFor(malformed.headers.get("x-request-id")!)).toMatchObject({
      errorCodes: ["GRAPHQL_VALIDATION_FAILED"],
    });

    // Every response carries an ID, GraphQL or not; each request has exactly one line.
    const health = await fetch(`${gateway.origin}/healthz`);
    expect(health.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const ids = requestLines().map((line) => line.requestId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("replaces an incoming request ID that does not look like one", async () => {
    expect(requestIdFor("abc-123")).toBe("abc-123");
    expect(requestIdFor(["first-id", "second-id"])).toBe("first-id");
    for (const bad of [undefined, "", "has space", "x".repeat(200), 'quote"d', "line\nbreak"]) {
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const response = await fetch(`${gateway.origin}/healthz`, {
      headers: { "x-request-id": "x".repeat(500) },
    });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never writes an API key or its hash, and the shutdown logs its end", async () => {
    gateway.child.kill("SIGTERM");
    expect(await gateway.exited).toBe(0);
    const output = gateway.output();
    const logged = output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .join("\n");
    expect(logged).not.toContain(DEMO_KEY);
    expect(output).not.toContain("wrong-key");
    expect(output).not.toContain(hashApiKey(DEMO_KEY));
    expect(output).not.toContain(hashApiKey("wrong-key"));
    const messages = lines().map((line) => line.message);
    expect(messages.slice(-2)).toEqual(["shutting down", "shut down"]);
    expect(lines().at(-1)).toMatchObject({
      level: "info",
      signal: "SIGTERM",
      durationMs: expect.any(Number),
    });
  });
});
