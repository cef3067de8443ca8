import type { InstanceStatus, Prisma } from "../generated/prisma/client.ts";

interface StatusColumns {
  status: InstanceStatus;
  expiresAt: Date | null;
}

/** RUNNING or STOPPED instances whose expiresAt has passed are EXPIRED; the stored status stays. */
export function effectiveInstanceStatus(row: StatusColumns, now: Date): InstanceStatus {
  if (row.status !== "RELEASED" && row.expiresAt && row.expiresAt.getTime() <= now.getTime())
    return "EXPIRED";
  return row.status;
}

/** The database condition for "effective status is one of these". */
export function instanceStatusWhere(
  statuses: readonly InstanceStatus[],
  now: Date,
): Prisma.InstanceWhereInput {
  const notExpired: Prisma.InstanceWhereInput = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const branches = [...new Set(statuses)].map((status): Prisma.InstanceWhereInput => {
    if (status === "EXPIRED") return { status: { in: ["RUNNING", "STOPPED"] }, expiresAt: { lte: now } };
    if (status === "RELEASED") return { status: "RELEASED" };
    return { status, ...notExpired };
  });
  return { OR: branches };
}

/** An instance whose disks can be snapshotted, and so make an image: RUNNING or STOPPED. */
export function isSnapshottable(status: InstanceStatus): boolean {
  return status === "RUNNING" || status === "STOPPED";
}
