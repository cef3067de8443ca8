import type { Prisma } from "../generated/prisma/client.ts";
import type { ErrorCollector } from "./errors.ts";

/** What the guest OS reports about itself; the Linux pre-checks of createCustomImage read it. */
export interface GuestState {
  fstabDataDiskEntries: string[];
  mountedFileSystems: string[];
  kernelUpgraded: boolean;
  systemDiskPartitions: number;
  systemDiskFreeMiB: number;
  modifiedSystemPaths: string[];
  rootUsername: string;
}

export type GuestStateInput = { [K in keyof GuestState]?: GuestState[K] | null };

export const DEFAULT_GUEST: GuestState = {
  fstabDataDiskEntries: [],
  mountedFileSystems: [],
  kernelUpgraded: false,
  systemDiskPartitions: 1,
  systemDiskFreeMiB: 10240,
  modifiedSystemPaths: [],
  rootUsername: "root",
};

export const SYSTEM_PATHS = ["/sbin", "/bin", "/lib"] as const;
const MAX_ENTRIES = 64;
const MAX_ENTRY_LENGTH = 256;
const USERNAME = /^[a-z_][a-z0-9_-]{0,31}$/;

interface GuestColumns {
  guestFstabDataDiskEntries: Prisma.JsonValue;
  guestMountedFileSystems: Prisma.JsonValue;
  guestKernelUpgraded: boolean;
  guestSystemDiskPartitions: number;
  guestSystemDiskFreeMiB: number;
  guestModifiedSystemPaths: Prisma.JsonValue;
  guestRootUsername: string;
}

function stringList(value: Prisma.JsonValue): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function guestFromColumns(row: GuestColumns): GuestState {
  return {
    fstabDataDiskEntries: stringList(row.guestFstabDataDiskEntries),
    mountedFileSystems: stringList(row.guestMountedFileSystems),
    kernelUpgraded: row.guestKernelUpgraded,
    systemDiskPartitions: row.guestSystemDiskPartitions,
    systemDiskFreeMiB: row.guestSystemDiskFreeMiB,
    modifiedSystemPaths: stringList(row.guestModifiedSystemPaths),
    rootUsername: row.guestRootUsername,
  };
}

export function guestToColumns(guest: GuestState) {
  return {
    guestFstabDataDiskEntries: guest.fstabDataDiskEntries,
    guestMountedFileSystems: guest.mountedFileSystems,
    guestKernelUpgraded: guest.kernelUpgraded,
    guestSystemDiskPartitions: guest.systemDiskPartitions,
    guestSystemDiskFreeMiB: guest.systemDiskFreeMiB,
    guestModifiedSystemPaths: guest.modifiedSystemPaths,
    guestRootUsername: guest.rootUsername,
  } satisfies GuestColumns;
}

function checkList(errors: ErrorCollector, list: string[], field: string[]): void {
  if (list.length > MAX_ENTRIES) errors.add("INVALID_INPUT", `At most ${MAX_ENTRIES} entries.`, field);
  list.forEach((entry, index) => {
    if (entry.trim().length === 0 || entry.length > MAX_ENTRY_LENGTH) {
      errors.add("INVALID_INPUT", `Each entry must be 1 to ${MAX_ENTRY_LENGTH} characters and not blank.`, [
        ...field,
        String(index),
      ]);
    }
  });
}

/** Merges a partial report over the current state; fields left out (or null) keep their value. */
export function mergeGuest(
  current: GuestState,
  input: GuestStateInput | null | undefined,
  errors: ErrorCollector,
  field: string[],
): GuestState {
  if (!input) return current;
  const next: GuestState = {
    fstabDataDiskEntries: input.fstabDataDiskEntries ?? current.fstabDataDiskEntries,
    mountedFileSystems: input.mountedFileSystems ?? current.mountedFileSystems,
    kernelUpgraded: input.kernelUpgraded ?? current.kernelUpgraded,
    systemDiskPartitions: input.systemDiskPartitions ?? current.systemDiskPartitions,
    systemDiskFreeMiB: input.systemDiskFreeMiB ?? current.systemDiskFreeMiB,
    modifiedSystemPaths: input.modifiedSystemPaths ?? current.modifiedSystemPaths,
    rootUsername: input.rootUsername ?? current.rootUsername,
  };
  checkList(errors, next.fstabDataDiskEntries, [...field, "fstabDataDiskEntries"]);
  checkList(errors, next.mountedFileSystems, [...field, "mountedFileSystems"]);
  if (next.systemDiskPartitions < 1 || next.systemDiskPartitions > 128) {
    errors.add("INVALID_INPUT", "systemDiskPartitions must be 1 to 128.", [...field, "systemDiskPartitions"]);
  }
  if (next.systemDiskFreeMiB < 0) {
    errors.add("INVALID_INPUT", "systemDiskFreeMiB must not be negative.", [...field, "systemDiskFreeMiB"]);
  }
  const unknownPaths = next.modifiedSystemPaths.filter(
    (p) => !(SYSTEM_PATHS as readonly string[]).includes(p),
  );
  if (unknownPaths.length > 0) {
    errors.add(
      "INVALID_INPUT",
      `modifiedSystemPaths may only name ${SYSTEM_PATHS.join(", ")} (got ${unknownPaths.join(", ")}).`,
      [...field, "modifiedSystemPaths"],
    );
  }
  next.modifiedSystemPaths = [...new Set(next.modifiedSystemPaths)];
  if (!USERNAME.test(next.rootUsername)) {
    errors.add(
      "INVALID_INPUT",
      "rootUsername must be a Linux user name: a lowercase letter or '_' first, then up to 31 of a-z, 0-9, '_', '-'.",
      [...field, "rootUsername"],
    );
  }
  return next;
}
