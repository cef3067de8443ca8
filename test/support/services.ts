import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * Suites that need a service outside the project (Redis, PostgreSQL, a Chromium) run when it is
 * configured and are otherwise skipped with one printed line saying how to run them. With
 * REQUIRE_ALL_SUITES=1 (CI) a missing service fails the suite instead: CI never passes on a skip.
 */
export type Service = "redis" | "postgres" | "chromium";

interface ServiceSpec {
  what: string;
  /** The URL or path, when this environment provides one. */
  find(env: NodeJS.ProcessEnv): string | undefined;
  howTo: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH, else a `chromium` (or `chromium-browser`) on the PATH; never a download. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    for (const name of ["chromium", "chromium-browser"]) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  return undefined;
}

const SERVICES: Record<Service, ServiceSpec> = {
  redis: {
    what: "Redis",
    find: (env) => env.REDIS_URL || undefined,
    howTo: "REDIS_URL=redis://localhost:6379/<db> npm test",
  },
  postgres: {
    what: "PostgreSQL",
    find: (env) => env.TEST_DATABASE_URL || undefined,
    howTo: "TEST_DATABASE_URL=postgresql://user@localhost:5432/<database> npm test",
  },
  chromium: {
    what: "a Chromium",
    find: findChromium,
    howTo:
      "put chromium on the PATH (Debian: apt-get install chromium) or CHROMIUM_PATH=/path/to/chromium npm test",
  },
};

export function requireAllSuites(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REQUIRE_ALL_SUITES === "1" || env.REQUIRE_ALL_SUITES === "true";
}

/** The message for a suite left out; exported for the test of this module. */
export function notRunMessage(service: Service, suite: string): string {
  const spec = SERVICES[service];
  return `not run: ${suite} needs ${spec.what}; to run it: ${spec.howTo}`;
}

/**
 * The service's URL (or path), or undefined after printing why `suite` is not run; the caller
 * skips with `describe.skipIf(!url)`. Throws when REQUIRE_ALL_SUITES is set and it is missing.
 */
export function requireService(
  service: Service,
  suite: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const found = SERVICES[service].find(env);
  if (found) return found;
  const message = notRunMessage(service, suite);
  if (requireAllSuites(env)) throw new Error(`REQUIRE_ALL_SUITES=1, but ${message}`);
  // Straight to the terminal: one line, not a captured console block.
  process.stderr.write(`${message}\n`);
  return undefined;
}
