import type { CheckResult } from "../generated/prisma/client.ts";
import type { GuestState } from "./guest.ts";

export type CheckItem =
  | "CONFIDENTIAL_DATA"
  | "FSTAB_DATA_DISK"
  | "MOUNTED_FILE_SYSTEMS"
  | "KERNEL_UPGRADED"
  | "SYSTEM_DISK_PARTITIONS"
  | "SYSTEM_DISK_FREE_SPACE"
  | "SYSTEM_FILES_MODIFIED"
  | "ROOT_USERNAME";

export interface ImageCheckResult {
  item: CheckItem;
  result: CheckResult;
  message: string;
}

export const MIN_FREE_MIB = 512;

const list = (items: string[]) => items.join(", ");

/**
 * The Linux precautions for imaging an instance, as results the console can show. Every item is
 * reported, PASS included; each non-PASS message says what to do.
 */
export function runLinuxPrechecks(guest: GuestState): ImageCheckResult[] {
  const checks: ImageCheckResult[] = [
    {
      item: "CONFIDENTIAL_DATA",
      result: "WARN",
      message:
        "Delete confidential data (keys, passwords, personal data, logs) from the instance before imaging: every instance created from the image gets a copy.",
    },
  ];
  const add = (item: CheckItem, failing: boolean, result: CheckResult, problem: string, pass: string) =>
    checks.push({ item, result: failing ? result : "PASS", message: failing ? problem : pass });

  add(
    "FSTAB_DATA_DISK",
    guest.fstabDataDiskEntries.length > 0,
    "FAIL",
    `/etc/fstab lists data disks (${list(guest.fstabDataDiskEntries)}): instances created from the image could not boot without those disks. Remove the entries (or mark them nofail) and report the guest state again.`,
    "/etc/fstab lists no data disks.",
  );
  add(
    "MOUNTED_FILE_SYSTEMS",
    guest.mountedFileSystems.length > 0,
    "WARN",
    `Data-disk file systems are mounted (${list(guest.mountedFileSystems)}): unmount them (or stop the instance) so their snapshots are consistent.`,
    "No data-disk file systems are mounted.",
  );
  add(
    "KERNEL_UPGRADED",
    guest.kernelUpgraded,
    "WARN",
    "The kernel or OS was upgraded: reboot into it and check that the instance starts cleanly before imaging, or instances from the image may not boot.",
    "The kernel is the one the instance booted with.",
  );
  add(
    "SYSTEM_DISK_PARTITIONS",
    guest.systemDiskPartitions > 1,
    "FAIL",
    `The system disk has ${guest.systemDiskPartitions} partitions; only one root partition is supported. Move the other partitions to data disks.`,
    "The system disk has one root partition.",
  );
  add(
    "SYSTEM_DISK_FREE_SPACE",
    guest.systemDiskFreeMiB < MIN_FREE_MIB,
    "FAIL",
    `Only ${guest.systemDiskFreeMiB} MiB are free on the system disk; free at least ${MIN_FREE_MIB} MiB (clean logs and caches, or resize the disk).`,
    `${guest.systemDiskFreeMiB} MiB are free on the system disk.`,
  );
  add(
    "SYSTEM_FILES_MODIFIED",
    guest.modifiedSystemPaths.length > 0,
    "WARN",
    `${list(guest.modifiedSystemPaths)} were modified: restore the distribution's files, or instances from the image may not boot or be managed.`,
    "/sbin, /bin and /lib are unmodified.",
  );
  add(
    "ROOT_USERNAME",
    guest.rootUsername !== "root",
    "FAIL",
    `The root login was renamed to "${guest.rootUsername}": rename it back to root so instances from the image can be logged in to and initialised.`,
    "The root login is root.",
  );
  return checks;
}
