import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { loadLimitsConfig } from "../../src/config-limits.ts";

describe("the bounds' settings", () => {
  it("default to the README's figures", () => {
    const limits = loadLimitsConfig({});
    expect(limits.responseCacheMaxBytes).toBe(64 * 1024 * 1024);
    expect(limits.responseCacheMaxEntryBytes).toBe(1024 * 1024);
    expect(loadConfig({}).metricsMaxOperationNames).toBe(100);
  });

  it("take a positive number from the environment", () => {
    const limits = loadLimitsConfig({
      RESPONSE_CACHE_MAX_BYTES: "1048576",
      RESPONSE_CACHE_MAX_ENTRY_BYTES: "4096",
    });
    expect(limits.responseCacheMaxBytes).toBe(1_048_576);
    expect(limits.responseCacheMaxEntryBytes).toBe(4_096);
    expect(loadConfig({ METRICS_MAX_OPERATION_NAMES: "20" }).metricsMaxOperationNames).toBe(20);
  });

  it("refuse anything else with the variable's name and the value given", () => {
    for (const [name, value] of [
      ["RESPONSE_CACHE_MAX_BYTES", "64MiB"],
      ["RESPONSE_CACHE_MAX_BYTES", "0"],
      ["RESPONSE_CACHE_MAX_ENTRY_BYTES", "-1"],
    ] as const) {
      expect(() => loadLimitsConfig({ [name]: value })).toThrow(
        `${name} must be a positive number (got "${value}")`,
      );
    }
    expect(() => loadConfig({ METRICS_MAX_OPERATION_NAMES: "many" })).toThrow(
      'METRICS_MAX_OPERATION_NAMES must be a positive number (got "many")',
    );
  });
});
