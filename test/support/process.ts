import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The test runner's environment without the gateway's own settings: a gateway process gets only
 * what its test passes (CI sets REDIS_URL for the Redis suite, not for every process).
 */
export function runnerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["REDIS_URL", "DATABASE_URL", "NODE_ENV", "DEMO_API_KEY", "METRICS_TOKEN", "CI"])
    delete env[name];
  return env;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface GatewayProcess {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s entry point as a real process, ready once /healthz answers. */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      ...runnerEnv(),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      // Where REDIS_URL is set, a process's queue and sequences are its own unless the test shares them.
      REDIS_PREFIX: `test-process-${randomBytes(4).toString("hex")}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited early:\n${output}`);
    const ok = await fetch(`${origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, origin, output: () => output, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`gateway did not become healthy:\n${output}`);
}
