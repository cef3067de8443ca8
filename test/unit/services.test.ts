import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { findChromium, requireService } from "../support/services.ts";

const dir = mkdtempSync(join(tmpdir(), "image-gateway-services-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("requireService: suites that need Redis, PostgreSQL or a Chromium", () => {
  it("returns the configured URL", () => {
    expect(requireService("redis", "a suite", { REDIS_URL: "redis://example:6379/4" })).toBe(
      "redis://example:6379/4",
    );
    expect(requireService("postgres", "a suite", { TEST_DATABASE_URL: "postgresql://x@y/ops_t" })).toBe(
      "postgresql://x@y/ops_t",
    );
  });

  it("prints one line naming the suite and how to run it, and returns undefined, when it is missing", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(requireService("redis", "test/x.test.ts", {})).toBeUndefined();
      expect(write).toHaveBeenCalledTimes(1);
      expect(String(write.mock.calls[0]?.[0])).toBe(
        "not run: test/x.test.ts needs Redis; to run it: REDIS_URL=redis://localhost:6379/<db> npm test\n",
      );
    } finally {
      write.mockRestore();
    }
  });

  it("fails instead with REQUIRE_ALL_SUITES=1", () => {
    expect(() => requireService("postgres", "test/pg.test.ts", { REQUIRE_ALL_SUITES: "1" })).toThrow(
      /REQUIRE_ALL_SUITES=1, but not run: test\/pg.test.ts needs PostgreSQL; to run it: TEST_DATABASE_URL=/,
    );
  });

  it("finds an executable chromium on the PATH, skips a non-executable one, and prefers CHROMIUM_PATH", () => {
    const notExecutable = join(dir, "plain");
    const executable = join(dir, "bin");
    mkdirSync(notExecutable);
    mkdirSync(executable);
    writeFileSync(join(notExecutable, "chromium"), "");
    writeFileSync(join(executable, "chromium"), "#!/bin/sh\n");
    chmodSync(join(executable, "chromium"), 0o755);
    expect(findChromium({ PATH: notExecutable })).toBeUndefined();
    expect(findChromium({ PATH: `${notExecutable}:${executable}` })).toBe(join(executable, "chromium"));
    expect(findChromium({ PATH: executable, CHROMIUM_PATH: "/opt/chromium" })).toBe("/opt/chromium");
  });
});
