import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestApp } from "../support/app.ts";
import { gql } from "../support/client.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { beforeAll, describe, expect, it } from "../support/test.ts";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let databaseUrl: string;
let app: TestApp;

/** `npm run account:create -- --name <name>`, as its script runs it. */
const createAccount = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/create-account.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });

// The command runs beside the file's server, on its database.
beforeAll(({ server }) => {
  app = server;
  databaseUrl = server.database.url;
});

describe("npm run account:create", () => {
  it("creates an account beside a running gateway and prints one JSON line whose key works", async () => {
    const { stdout } = await createAccount("--name", "alice");
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const created = JSON.parse(lines[0]!) as { id: string; name: string; apiKey: string };
    expect(created).toMatchObject({ name: "alice", id: expect.stringMatching(/^acc-[0-9a-z]{20}$/) });
    const viewer = await gql(app.origin, ViewerDocument, undefined, created.apiKey);
    expect(viewer.data?.viewer).toMatchObject({ id: created.id, name: "alice" });
    // The key itself is not stored, only its hash.
    const row = await app.prisma.account.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.apiKeyHash).not.toContain(created.apiKey);
  });

  it("refuses a taken name or a missing --name with a message and a non-zero exit", async () => {
    const taken = await createAccount("--name", "demo").catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(taken).toMatchObject({ code: 1 });
    expect((taken as { stderr: string }).stderr).toContain('"demo" already exists');
    const missing = await createAccount().catch((error: { code: number; stderr: string }) => error);
    expect(missing).toMatchObject({ code: 2 });
    expect((missing as { stderr: string }).stderr).toContain("--name");
  });
});
