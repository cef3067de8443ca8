import { existsSync, readFileSync } from "node:fs";
import { DEMO_KEY } from "../support/app.ts";
import { type GatewayProcess, startGatewayProcess } from "../support/process.ts";
import { afterAll, beforeAll, describe, expect, it } from "../support/test.ts";

let gateway: GatewayProcess;

beforeAll(async ({ database }) => {
  gateway = await startGatewayProcess({ DATABASE_URL: database.url, LOG_LEVEL: "error" });
});
afterAll(async () => {
  gateway?.child.kill("SIGKILL");
  await gateway?.exited;
});

/** The child's resident set in bytes, from the kernel's view of it (Linux), else from ps. */
async function rssOf(pid: number): Promise<number> {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(status, "utf8"))?.[1];
    return Number(kib) * 1024;
  }
  const { execFileSync } = await import("node:child_process");
  return (
    Number(
      execFileSync("ps", ["-o", "rss=", "-p", String(pid)])
        .toString()
        .trim(),
    ) * 1024
  );
}

/** About 1 MB: `query U<n> { a0:__typename … }`, a different document each time. */
function hugeDocument(n: number): string {
  const fields: string[] = [];
  let length = 0;
  for (let i = 0; length < 1_000_000 - 40; i++) {
    const field = `a${i}:__typename`;
    fields.push(field);
    length += field.length + 1;
  }
  return `query U${n} { ${fields.join(" ")} }`;
}

async function send(query: string, key: string | null): Promise<number> {
  const response = await fetch(`${gateway.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe("distinct ~1 MB documents (the memory attack)", () => {
  it("leave the resident set within 100 MB of where it started, without and with a key", async () => {
    const pid = gateway.child.pid as number;
    // Warm up: the first requests load code paths and grow the heap to the working set of a few
    // concurrent 1 MB bodies; what is measured is what 500 more leave behind.
    const base = hugeDocument(0);
    await send("{ __typename }", DEMO_KEY);
    const warmUp = (w: number, key: string | null) => send(base.replace("query U0 ", `query W${w} `), key);
    for (let round = 0; round < 10; round++) {
      await Promise.all([0, 1, 2, 3].map((w) => warmUp(round * 10 + w, null)));
      await Promise.all([4, 5].map((w) => warmUp(round * 10 + w, DEMO_KEY)));
    }
    const start = await rssOf(pid);
    const statuses = new Set<number>();
    let peak = start;
    const run = async (from: number, to: number, key: string | null) => {
      for (let n = from; n < to; n++) {
        // Distinct documents of the same size: only the operation's name changes.
        statuses.add(await send(base.replace("query U0 ", `query U${n} `), key));
        if (n % 50 === 0) peak = Math.max(peak, await rssOf(pid));
      }
    };
    await Promise.all([0, 1, 2, 3].map((w) => run(w * 125, (w + 1) * 125, null)));
    expect([...statuses]).toEqual([401]);
    const afterUnauthenticated = await rssOf(pid);
    statuses.clear();
    // With a key, each is refused by a limit; nothing of it may stay cached.
    await Promise.all([0, 1].map((w) => run(1000 + w * 50, 1000 + (w + 1) * 50, DEMO_KEY)));
    expect([...statuses].every((s) => s === 200 || s === 400)).toBe(true);
    const end = await rssOf(pid);
    const mb = (bytes: number) => Math.round(bytes / 1e6);
    console.log(
      `RSS start ${mb(start)} MB, after 500 unauthenticated ${mb(afterUnauthenticated)} MB, after 100 authenticated ${mb(end)} MB, peak sampled ${mb(peak)} MB`,
    );
    expect(gateway.child.exitCode).toBeNull();
    expect(afterUnauthenticated - start).toBeLessThan(100e6);
    expect(end - start).toBeLessThan(100e6);
    // Still serving.
    expect(await send("{ __typename }", DEMO_KEY)).toBe(200);
  }, 240_000);
});
