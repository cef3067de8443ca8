import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.ts";
import { ViewerDocument } from "../support/documents/account.ts";
import { CreateInstanceDocument } from "../support/documents/instances.ts";
import { UBUNTU } from "../support/fixtures.ts";
import { type GatewayProcess, runnerEnv, startGatewayProcess } from "../support/process.ts";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The documented way to add an account is `npm run account:create` beside a running gateway, on
 * the same SQLite file. Two processes, two connections to one file: each must wait for the other's
 * write lock instead of answering "database is locked". Always on SQLite (the file is the point),
 * whatever TEST_DATABASE_URL says.
 */
let dir: string;
let databaseUrl: string;
let gateway: GatewayProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "image-gateway-second-process-"));
  databaseUrl = `file:${join(dir, "gateway.db")}`;
  // npm start's entry point migrates and seeds the new file before it listens.
  gateway = await startGatewayProcess({
    DATABASE_URL: databaseUrl,
    // The load is many small mutations from one account: the bucket is not what is tested here.
    RATE_LIMIT_BUCKET: "1000000000",
    RATE_LIMIT_RESTORE_PER_SECOND: "1000000000",
  });
}, 90_000);

afterAll(async () => {
  if (gateway) {
    gateway.child.kill("SIGTERM");
    await gateway.exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `npm run account:create -- --name <name>`, as its script runs it, on the gateway's file. */
function createAccountProcess(name: string) {
  return run(process.execPath, ["--import", "tsx", "src/cli/create-account.ts", "--name", name], {
    cwd: ROOT,
    env: { ...runnerEnv(), DATABASE_URL: databaseUrl, LOG_LEVEL: "error" },
  });
}

interface Outcome {
  kind: "createInstance" | "viewer";
  status: number;
  problem: string | null;
  startedAt: number;
  endedAt: number;
}

describe("account:create beside a serving gateway on one SQLite file", () => {
  it("every concurrent request answers without error, and every CLI run succeeds", async () => {
    const outcomes: Outcome[] = [];
    let stop = false;
    let made = 0;
    // Writers and readers, each one request after the other, until the CLI runs are over.
    const loop = async (kind: Outcome["kind"]) => {
      while (!stop) {
        const startedAt = Date.now();
        let status = 0;
        let problem: string | null = null;
        try {
          if (kind === "createInstance") {
            made += 1;
            const result = await gql(gateway.origin, CreateInstanceDocument, {
              input: { regionId: "cn-hangzhou", name: `load-${made}`, imageId: UBUNTU },
            });
            status = result.status;
            if (result.errors?.length) problem = JSON.stringify(result.errors);
            else if (result.data?.createInstance.userErrors.length)
              problem = JSON.stringify(result.data.createInstance.userErrors);
            else if (!result.data?.createInstance.instance) problem = "no instance";
          } else {
            const result = await gql(gateway.origin, ViewerDocument);
            status = result.status;
            if (result.errors?.length) problem = JSON.stringify(result.errors);
          }
        } catch (error) {
          problem = String(error);
        }
        outcomes.push({ kind, status, problem, startedAt, endedAt: Date.now() });
      }
    };
    // Eight writers keep a transaction open on the gateway's connection most of the time.
    const load = [...Array.from({ length: 8 }, () => loop("createInstance")), loop("viewer")];

    const runs: { name: string; startedAt: number; endedAt: number; stdout: string }[] = [];
    const failures: string[] = [];
    try {
      // Several runs, two of them at once each time: the CLI against the gateway and against itself.
      for (let round = 0; round < 16; round++) {
        await Promise.all(
          [0, 1].map(async (n) => {
            const name = `cli-${round}-${n}`;
            const startedAt = Date.now();
            try {
              const { stdout } = await createAccountProcess(name);
              runs.push({ name, startedAt, endedAt: Date.now(), stdout });
            } catch (error) {
              const failure = error as { code?: number; stderr?: string; message: string };
              failures.push(`${name}: exit ${failure.code}: ${failure.stderr || failure.message}`);
            }
          }),
        );
      }
    } finally {
      stop = true;
      await Promise.all(load);
    }

    expect(failures).toEqual([]);
    expect(runs).toHaveLength(32);
    for (const { name, stdout } of runs) {
      const lines = stdout.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ name, apiKey: expect.any(String) });
    }
    // The load really went on while each CLI process ran (not only before or after them).
    for (const { name, startedAt, endedAt } of runs) {
      const during = outcomes.filter(
        (o) => o.kind === "createInstance" && o.startedAt < endedAt && o.endedAt > startedAt,
      );
      expect(during.length, `createInstance calls while ${name} ran`).toBeGreaterThan(0);
    }
    const bad = outcomes.filter((o) => o.status !== 200 || o.problem !== null);
    // What the gateway logged for them ("database is locked" before the fix).
    const logged = gateway
      .output()
      .split("\n")
      .filter((line) => /"level":"error"/.test(line))
      .slice(0, 3)
      .map((line) => line.slice(0, 600));
    expect(
      bad.slice(0, 3),
      `${bad.length} of ${outcomes.length} requests failed; the gateway logged: ${logged.join("\n")}`,
    ).toEqual([]);
    // Every account the CLI printed works against the gateway at once.
    for (const { stdout } of runs) {
      const { apiKey, name } = JSON.parse(stdout) as { apiKey: string; name: string };
      const viewer = await gql(gateway.origin, ViewerDocument, undefined, apiKey);
      expect(viewer.data?.viewer?.name).toBe(name);
    }
  }, 180_000);
});
