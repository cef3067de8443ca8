import type { Snapshot } from "../generated/prisma/client.ts";
import type { Command, CommandScope, Done } from "./command.ts";
import { diskSnapshotInProgress, ErrorCollector, fail, notFound } from "./errors.ts";
import { isUniqueViolation } from "./idempotency.ts";
import { newId } from "./ids.ts";
import { insertSnapshots, takenOf } from "./inserts.ts";
import { effectiveInstanceStatus, isSnapshottable } from "./instance-status.ts";
import { imagesHoldingSnapshot } from "./lookup.ts";
import { checkClientToken, checkNameAndDescription } from "./validation.ts";
import { work } from "./work.ts";

export interface CreateSnapshotInput {
  diskId: string;
  name?: string | null;
  description?: string | null;
  clientToken?: string | null;
}

/** The snapshot in progress, for the engine: handing it over again is harmless. */
const started = (snapshotId: string): Done<string> => ({
  result: snapshotId,
  work: work({ startedSnapshots: [snapshotId] }),
});

/** createSnapshot: a snapshot PROGRESSING of one disk of a RUNNING or STOPPED instance. */
export const createSnapshotCommand: Command<CreateSnapshotInput, string> = {
  operation: "createSnapshot",
  replay: async (_deps, snapshotId) => started(snapshotId),
  run: (deps, input) => create(deps, input),
};

async function create(deps: CommandScope, input: CreateSnapshotInput): Promise<Done<string>> {
  const { accountId, now } = deps;
  const prisma = deps.db;
  const errors = new ErrorCollector();
  checkNameAndDescription(errors, input, { what: "The snapshot name", nameCode: "INVALID_INPUT" });
  checkClientToken(errors, input.clientToken, ["input", "clientToken"]);
  errors.throwIfAny();

  const disk = await prisma.disk.findFirst({
    where: { id: input.diskId, accountId },
    include: { instance: true },
  });
  if (!disk) notFound("Disk", input.diskId, ["input", "diskId"]);
  const status = disk.instance ? effectiveInstanceStatus(disk.instance, now) : null;
  if (disk.status === "RELEASED" || !status || !isSnapshottable(status)) {
    fail(
      "INCORRECT_INSTANCE_STATUS",
      `Disk ${disk.id} is ${disk.status}${status ? ` on a ${status} instance` : ""}: snapshots are taken of disks of RUNNING or STOPPED instances.`,
      ["input", "diskId"],
    );
  }
  const snapshotId = newId("snapshot");
  await deps.transaction(
    async (tx) => {
      // The disk as it is now: released meanwhile, it cannot be snapshotted.
      const current = await tx.disk.findUniqueOrThrow({
        where: { id: disk.id },
        include: { instance: true },
      });
      const instanceStatus = current.instance ? effectiveInstanceStatus(current.instance, now) : null;
      if (current.status === "RELEASED" || !instanceStatus || !isSnapshottable(instanceStatus)) {
        fail("INCORRECT_INSTANCE_STATUS", `Disk ${disk.id} was released meanwhile.`, ["input", "diskId"]);
      }
      await insertSnapshots(
        tx,
        accountId,
        [
          {
            id: snapshotId,
            ...takenOf(disk),
            name: input.name ?? null,
            description: input.description ?? null,
            startedAt: now,
            gibPerSecond: deps.rates.snapshotGibPerSecond,
          },
        ],
        now,
      );
    },
    {
      creates: snapshotId,
      uniqueViolations: (error) => {
        // The partial unique index allows one PROGRESSING snapshot per disk.
        if (isUniqueViolation(error, ["sourceDiskId"]))
          diskSnapshotInProgress(`disk ${disk.id}`, ["input", "diskId"]);
      },
    },
  );
  return started(snapshotId);
}

/** deleteSnapshot: a snapshot no image holds, removed (its stream ends where it stood). */
export const deleteSnapshotCommand: Command<{ snapshotId: string }, Snapshot> = {
  operation: "deleteSnapshot",
  run: (deps, input) =>
    deps.transaction(async (tx) => {
      const { accountId } = deps;
      const snapshot = await tx.snapshot.findFirst({ where: { id: input.snapshotId, accountId } });
      if (!snapshot) notFound("Snapshot", input.snapshotId, ["input", "snapshotId"]);
      const user = await tx.image.findFirst({
        where: imagesHoldingSnapshot(snapshot),
        select: { id: true, status: true },
      });
      if (user) {
        fail(
          "SNAPSHOT_IN_USE",
          `Snapshot ${snapshot.id} is used by image ${user.id} (${user.status}): delete the image first.`,
          ["input", "snapshotId"],
        );
      }
      await tx.snapshot.delete({ where: { id: snapshot.id } });
      return {
        result: snapshot,
        work: work({ deletedSnapshots: [{ snapshot, reason: "The snapshot was deleted." }] }),
      };
    }),
};
