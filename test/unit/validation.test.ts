import { describe, expect, it } from "vitest";
import { ErrorCollector } from "../../src/domain/errors.ts";
import { DEFAULT_GUEST, type GuestState, mergeGuest } from "../../src/domain/guest.ts";
import { ID_PREFIX, type IdKind, kindOfId, newId } from "../../src/domain/ids.ts";
import { effectiveInstanceStatus } from "../../src/domain/instance-status.ts";
import { imageProgress, type SnapshotProgressColumns, snapshotProgress } from "../../src/domain/progress.ts";
import {
  checkClientToken,
  DATA_DEVICES,
  descriptionProblem,
  isDataDevice,
  nameProblem,
} from "../../src/domain/validation.ts";
import { simulatedBlockStorage } from "../../src/storage/block-storage.ts";

describe("nameProblem", () => {
  it.each([
    "ab",
    "web-01",
    "web.prod:eu_01-a",
    "实例",
    "Ωmega_1",
    "Ärger",
    "हिन्दी",
    "தமிழ்",
    "A\u0308rger",
    `a${"b".repeat(127)}`,
  ])("accepts %j", (name) => {
    expect(nameProblem(name, "The name")).toBeNull();
  });

  it.each([
    ["", /2 to 128/],
    ["a", /2 to 128/],
    [`a${"b".repeat(128)}`, /2 to 128/],
    ["1web", /start with a letter/],
    ["-web", /start with a letter/],
    ["_web", /start with a letter/],
    [".web", /start with a letter/],
    ["web server", /only letters/],
    ["web/1", /only letters/],
    ["web#1", /only letters/],
    ["web😀", /only letters/],
    ["http://web", /http/],
    ["https://web", /http/],
    ["HTTPS://web", /http/],
  ])("refuses %j", (name, message) => {
    expect(nameProblem(name, "The name")).toMatch(message);
  });

  it("counts characters, not UTF-16 code units", () => {
    const script = "𝒜"; // one character, two UTF-16 code units, a letter
    expect(nameProblem(`${script}${"b".repeat(127)}`, "The name")).toBeNull();
    expect(nameProblem(`${script}${"b".repeat(128)}`, "The name")).toMatch(/got 129/);
    expect(nameProblem("实", "The name")).toMatch(/got 1/);
  });

  it("names the thing being named in its message", () => {
    expect(nameProblem("1", "The image name")).toMatch(/^The image name /);
    expect(nameProblem("9abc", "The snapshot name")).toMatch(/^The snapshot name /);
  });

  it("allows http inside a name that does not start with it", () => {
    expect(nameProblem("web-http", "The name")).toBeNull();
    expect(nameProblem("http-proxy", "The name")).toBeNull();
  });
});

describe("descriptionProblem", () => {
  it("accepts empty, ordinary and 256-character descriptions", () => {
    expect(descriptionProblem("")).toBeNull();
    expect(descriptionProblem("Nightly build of the web tier; see http://wiki")).toBeNull();
    expect(descriptionProblem("x".repeat(256))).toBeNull();
    expect(descriptionProblem("描".repeat(256))).toBeNull();
  });

  it("refuses more than 256 characters", () => {
    expect(descriptionProblem("x".repeat(257))).toMatch(/256/);
    expect(descriptionProblem("😀".repeat(257))).toMatch(/got 257/);
  });

  it("refuses a description that starts with http:// or https://", () => {
    expect(descriptionProblem("http://example.com")).toMatch(/http/);
    expect(descriptionProblem("https://example.com")).toMatch(/http/);
    expect(descriptionProblem("Https://example.com")).toMatch(/http/);
  });
});

describe("checkClientToken", () => {
  const check = (token: string | null | undefined) => {
    const errors = new ErrorCollector();
    checkClientToken(errors, token, ["input", "clientToken"]);
    return errors.errors;
  };

  it("accepts no token and 1 to 64 printable ASCII characters", () => {
    expect(check(null)).toEqual([]);
    expect(check(undefined)).toEqual([]);
    expect(check("a")).toEqual([]);
    expect(check("t".repeat(64))).toEqual([]);
    expect(check("retry 1: ~!@#$%^&*()")).toEqual([]);
  });

  it.each([[""], ["t".repeat(65)], ["tokén"], ["tab\there"], ["new\nline"]])("refuses %j", (token) => {
    expect(check(token)).toEqual([
      { code: "INVALID_INPUT", field: ["input", "clientToken"], message: expect.stringContaining("64") },
    ]);
  });
});

describe("data devices", () => {
  it("are /dev/vdb to /dev/vdz in order", () => {
    expect(DATA_DEVICES).toHaveLength(25);
    expect(DATA_DEVICES[0]).toBe("/dev/vdb");
    expect(DATA_DEVICES[24]).toBe("/dev/vdz");
    expect([...DATA_DEVICES].sort()).toEqual(DATA_DEVICES);
  });

  it("isDataDevice accepts exactly those", () => {
    for (const device of DATA_DEVICES) expect(isDataDevice(device)).toBe(true);
    for (const device of ["/dev/vda", "/dev/sdb", "/dev/vdaa", "/dev/vd", "vdb", "/dev/VDB", ""]) {
      expect(isDataDevice(device)).toBe(false);
    }
  });
});

describe("mergeGuest", () => {
  const current: GuestState = {
    fstabDataDiskEntries: ["/dev/vdb1"],
    mountedFileSystems: ["/data"],
    kernelUpgraded: true,
    systemDiskPartitions: 1,
    systemDiskFreeMiB: 2048,
    modifiedSystemPaths: ["/bin"],
    rootUsername: "root",
  };

  const merge = (input: Parameters<typeof mergeGuest>[1], base: GuestState = current) => {
    const errors = new ErrorCollector();
    const next = mergeGuest(base, input, errors, ["input", "guest"]);
    return { next, errors: errors.errors.map(({ code, field }) => ({ code, field })) };
  };

  it("returns the current state for no input", () => {
    expect(merge(null)).toEqual({ next: current, errors: [] });
    expect(merge(undefined)).toEqual({ next: current, errors: [] });
    expect(merge({})).toEqual({ next: current, errors: [] });
  });

  it("replaces the fields given and keeps the ones left out or null", () => {
    const { next, errors } = merge({
      mountedFileSystems: [],
      systemDiskFreeMiB: 100,
      kernelUpgraded: null,
      rootUsername: null,
    });
    expect(errors).toEqual([]);
    expect(next).toEqual({ ...current, mountedFileSystems: [], systemDiskFreeMiB: 100 });
  });

  it("can set every field", () => {
    const all: GuestState = {
      fstabDataDiskEntries: ["UUID=1234"],
      mountedFileSystems: ["/mnt/a", "/mnt/b"],
      kernelUpgraded: false,
      systemDiskPartitions: 3,
      systemDiskFreeMiB: 0,
      modifiedSystemPaths: ["/sbin", "/lib"],
      rootUsername: "_admin-2",
    };
    expect(merge(all)).toEqual({ next: all, errors: [] });
  });

  it("does not change the current state it merges over", () => {
    const before = structuredClone(current);
    merge({ mountedFileSystems: ["/x"], modifiedSystemPaths: ["/lib", "/lib"] });
    expect(current).toEqual(before);
  });

  it("removes repeated modifiedSystemPaths", () => {
    expect(merge({ modifiedSystemPaths: ["/bin", "/lib", "/bin"] }).next.modifiedSystemPaths).toEqual([
      "/bin",
      "/lib",
    ]);
  });

  it("accepts the partition bounds 1 and 128 and refuses 0 and 129", () => {
    expect(merge({ systemDiskPartitions: 1 }).errors).toEqual([]);
    expect(merge({ systemDiskPartitions: 128 }).errors).toEqual([]);
    for (const systemDiskPartitions of [0, 129, -1]) {
      expect(merge({ systemDiskPartitions }).errors).toEqual([
        { code: "INVALID_INPUT", field: ["input", "guest", "systemDiskPartitions"] },
      ]);
    }
  });

  it("accepts 0 free MiB and refuses a negative amount", () => {
    expect(merge({ systemDiskFreeMiB: 0 }).errors).toEqual([]);
    expect(merge({ systemDiskFreeMiB: -1 }).errors).toEqual([
      { code: "INVALID_INPUT", field: ["input", "guest", "systemDiskFreeMiB"] },
    ]);
  });

  it("refuses modified paths other than /sbin, /bin and /lib", () => {
    expect(merge({ modifiedSystemPaths: ["/sbin", "/bin", "/lib"] }).errors).toEqual([]);
    expect(merge({ modifiedSystemPaths: ["/bin", "/usr/bin"] }).errors).toEqual([
      { code: "INVALID_INPUT", field: ["input", "guest", "modifiedSystemPaths"] },
    ]);
  });

  it("refuses root user names that Linux would not accept", () => {
    for (const rootUsername of ["root", "_svc", "a", `a${"b".repeat(31)}`, "ops-1"]) {
      expect(merge({ rootUsername }).errors, rootUsername).toEqual([]);
    }
    for (const rootUsername of ["", "Root", "1root", "-root", "ro ot", "root!", `a${"b".repeat(32)}`]) {
      expect(merge({ rootUsername }).errors, rootUsername).toEqual([
        { code: "INVALID_INPUT", field: ["input", "guest", "rootUsername"] },
      ]);
    }
  });

  it("refuses blank or over-long entries, naming their index", () => {
    expect(merge({ fstabDataDiskEntries: ["/dev/vdb1", "", "x".repeat(256)] }).errors).toEqual([
      { code: "INVALID_INPUT", field: ["input", "guest", "fstabDataDiskEntries", "1"] },
    ]);
    expect(merge({ mountedFileSystems: ["/ok", "x".repeat(257), " "] }).errors).toEqual([
      { code: "INVALID_INPUT", field: ["input", "guest", "mountedFileSystems", "1"] },
      { code: "INVALID_INPUT", field: ["input", "guest", "mountedFileSystems", "2"] },
    ]);
  });

  it("allows 64 entries in a list and refuses 65", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `/mnt/${i}`);
    expect(merge({ mountedFileSystems: list(64) }).errors).toEqual([]);
    expect(merge({ fstabDataDiskEntries: list(65) }).errors).toEqual([
      { code: "INVALID_INPUT", field: ["input", "guest", "fstabDataDiskEntries"] },
    ]);
  });

  it("reports every bad field at once, under the given field path", () => {
    const errors = new ErrorCollector();
    mergeGuest(DEFAULT_GUEST, { systemDiskPartitions: 0, systemDiskFreeMiB: -5, rootUsername: "X" }, errors, [
      "g",
    ]);
    expect(errors.errors.map((e) => e.field)).toEqual([
      ["g", "systemDiskPartitions"],
      ["g", "systemDiskFreeMiB"],
      ["g", "rootUsername"],
    ]);
  });
});

describe("IDs", () => {
  const kinds = Object.keys(ID_PREFIX) as IdKind[];

  it("newId is the kind's prefix and 20 characters of [0-9a-z]", () => {
    for (const kind of kinds) {
      const id = newId(kind);
      expect(id.startsWith(ID_PREFIX[kind])).toBe(true);
      expect(id.slice(ID_PREFIX[kind].length)).toMatch(/^[0-9a-z]{20}$/);
    }
  });

  it("newId does not repeat and uses the whole alphabet", () => {
    const ids = Array.from({ length: 2000 }, () => newId("instance"));
    expect(new Set(ids).size).toBe(ids.length);
    const counts = new Map<string, number>();
    for (const id of ids) for (const c of id.slice(2)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(36);
    // 40 000 characters over 36 symbols: about 1111 each; a biased generator would stray far.
    for (const count of counts.values()) expect(count).toBeGreaterThan(800);
  });

  it("kindOfId reads the type from the prefix", () => {
    expect(kindOfId(newId("instance"))).toBe("Instance");
    expect(kindOfId(newId("disk"))).toBe("Disk");
    expect(kindOfId(newId("snapshot"))).toBe("Snapshot");
    expect(kindOfId(newId("image"))).toBe("Image");
    expect(kindOfId(newId("account"))).toBe("Account");
    expect(kindOfId("acc-demo0000000000000000")).toBe("Account");
  });

  it("kindOfId takes readable SYSTEM image IDs for images", () => {
    expect(kindOfId("ubuntu_22_04_x64_20G_alibase")).toBe("Image");
    expect(kindOfId("win2022_datacenter_x64_40G_alibase")).toBe("Image");
  });

  it("kindOfId answers null for anything else", () => {
    for (const id of [
      "",
      "x",
      "cn-hangzhou",
      newId("mapping"),
      "i-0123456789abcdefghi",
      "i-0123456789abcdefghijk",
      "I-0123456789ABCDEFGHIJ",
      "q-0123456789abcdefghij",
      "i-0123456789abcdefgh!j",
      "_ubuntu",
      "a".repeat(129),
      "bad id",
    ]) {
      expect(kindOfId(id), id).toBeNull();
    }
  });
});

describe("progress", () => {
  const start = new Date("2026-11-27T10:00:00.000Z");
  const at = (ms: number) => new Date(start.getTime() + ms);
  const snapshot = (overrides: Partial<SnapshotProgressColumns> = {}): SnapshotProgressColumns => ({
    status: "PROGRESSING",
    sourceDiskSizeGiB: 40,
    startedAt: start,
    gibPerSecond: 8,
    progress: 0,
    ...overrides,
  });

  describe("snapshotProgress", () => {
    /** snapshotProgress of `columns`, `ms` after the start, is `progress` % with `remainingSeconds` left. */
    const expectProgress = (
      columns: SnapshotProgressColumns,
      ms: number,
      progress: number,
      remainingSeconds: number | null,
    ) =>
      expect(snapshotProgress(simulatedBlockStorage, columns, at(ms))).toEqual({
        progress,
        remainingSeconds,
      });

    it("is 100 and done for an ACCOMPLISHED snapshot", () => {
      expectProgress(snapshot({ status: "ACCOMPLISHED", progress: 100 }), 0, 100, null);
    });

    it("keeps where a FAILED snapshot stopped", () => {
      expectProgress(snapshot({ status: "FAILED", progress: 37 }), 60_000, 37, null);
    });

    it("is 0 with the whole duration left before the work starts", () => {
      expectProgress(snapshot({ startedAt: null }), 10_000, 0, 5);
      expectProgress(snapshot({ startedAt: null, sourceDiskSizeGiB: 20, gibPerSecond: 3 }), 0, 0, 7);
    });

    it("advances with the elapsed time at the provider's rate", () => {
      // 40 GiB at 8 GiB/s: 5 seconds.
      expectProgress(snapshot(), 0, 0, 5);
      expectProgress(snapshot(), 1000, 20, 4);
      expectProgress(snapshot(), 2500, 50, 3);
      expectProgress(snapshot(), 4999, 99, 1);
    });

    it("rounds progress down", () => {
      // 30 GiB at 8 GiB/s: 3.75 s; 1 s is 26.67 %.
      expect(
        snapshotProgress(simulatedBlockStorage, snapshot({ sourceDiskSizeGiB: 30 }), at(1000)).progress,
      ).toBe(26);
    });

    it("never reaches 100 while PROGRESSING, even past its duration", () => {
      expectProgress(snapshot(), 5000, 99, 0);
      expectProgress(snapshot(), 3_600_000, 99, 0);
    });

    it("treats a start in the future as not yet begun", () => {
      expectProgress(snapshot({ startedAt: at(10_000) }), 0, 0, 5);
    });
  });

  describe("imageProgress", () => {
    it("is 0 with nothing to wait for when there are no snapshots", () => {
      expect(imageProgress(simulatedBlockStorage, [], at(0))).toEqual({
        progress: 0,
        remainingSeconds: null,
      });
    });

    it("weights each snapshot by its size", () => {
      const done = snapshot({ status: "ACCOMPLISHED", sourceDiskSizeGiB: 20, progress: 100 });
      // 60 GiB at 8 GiB/s: 7.5 s; at 3.75 s it is half done.
      const half = snapshot({ sourceDiskSizeGiB: 60 });
      expect(imageProgress(simulatedBlockStorage, [done, half], at(3750))).toEqual({
        progress: 62,
        remainingSeconds: 4,
      });
    });

    it("waits for the slowest snapshot", () => {
      const small = snapshot({ sourceDiskSizeGiB: 8 }); // 1 s
      const large = snapshot({ sourceDiskSizeGiB: 80 }); // 10 s
      expect(imageProgress(simulatedBlockStorage, [small, large], at(500)).remainingSeconds).toBe(10);
    });

    it("is 100 with nothing left when every snapshot is ACCOMPLISHED", () => {
      const done = (size: number) =>
        snapshot({ status: "ACCOMPLISHED", sourceDiskSizeGiB: size, progress: 100 });
      expect(imageProgress(simulatedBlockStorage, [done(20), done(500)], at(0))).toEqual({
        progress: 100,
        remainingSeconds: null,
      });
    });

    it("has no remaining time once nothing is PROGRESSING", () => {
      const failed = snapshot({ status: "FAILED", sourceDiskSizeGiB: 40, progress: 50 });
      const done = snapshot({ status: "ACCOMPLISHED", sourceDiskSizeGiB: 40, progress: 100 });
      expect(imageProgress(simulatedBlockStorage, [failed, done], at(0))).toEqual({
        progress: 75,
        remainingSeconds: null,
      });
    });
  });
});

describe("effectiveInstanceStatus", () => {
  const now = new Date("2026-11-27T10:00:00.000Z");
  const offset = (ms: number) => new Date(now.getTime() + ms);

  it("is the stored status without an expiry or before it", () => {
    for (const status of ["RUNNING", "STOPPED", "RELEASED"] as const) {
      expect(effectiveInstanceStatus({ status, expiresAt: null }, now)).toBe(status);
      expect(effectiveInstanceStatus({ status, expiresAt: offset(1) }, now)).toBe(status);
    }
  });

  it("is EXPIRED for RUNNING and STOPPED instances from expiresAt on", () => {
    for (const status of ["RUNNING", "STOPPED"] as const) {
      expect(effectiveInstanceStatus({ status, expiresAt: now }, now)).toBe("EXPIRED");
      expect(effectiveInstanceStatus({ status, expiresAt: offset(-86_400_000) }, now)).toBe("EXPIRED");
    }
  });

  it("stays RELEASED after expiresAt", () => {
    expect(effectiveInstanceStatus({ status: "RELEASED", expiresAt: offset(-1) }, now)).toBe("RELEASED");
  });
});
