import type { Db, Tx } from "../db/client.ts";
import type { Instance, InstanceStatus } from "../generated/prisma/client.ts";
import type { Command } from "./command.ts";
import { ErrorCollector, fail, instanceLocked, notFound } from "./errors.ts";
import { type GuestStateInput, guestFromColumns, guestToColumns, mergeGuest } from "./guest.ts";
import { failImageCreation } from "./image-creation.ts";
import { effectiveInstanceStatus } from "./instance-status.ts";
import { work } from "./work.ts";

export type InstanceAction = "start" | "stop" | "reboot" | "release";

const ALLOWED_FROM: Record<InstanceAction, readonly InstanceStatus[]> = {
  start: ["STOPPED"],
  stop: ["RUNNING"],
  reboot: ["RUNNING"],
  release: ["RUNNING", "STOPPED", "EXPIRED"],
};

const PARTICIPLE: Record<InstanceAction, string> = {
  start: "started",
  stop: "stopped",
  reboot: "rebooted",
  release: "released",
};

async function findOwnInstance(prisma: Db | Tx, accountId: string, instanceId: string): Promise<Instance> {
  const instance = await prisma.instance.findFirst({ where: { id: instanceId, accountId } });
  if (!instance) notFound("Instance", instanceId, ["input", "instanceId"]);
  return instance;
}

/**
 * start, stop, reboot or release an instance. Forced while an image is created from it, the image
 * ends CREATE_FAILED (the work says so).
 */
export function instanceActionCommand(
  action: InstanceAction,
): Command<{ instanceId: string; force?: boolean | null }, Instance> {
  const done = PARTICIPLE[action];
  return {
    operation: `${action}Instance`,
    // Read and decided inside the transaction: the engine finishing the image (and unlocking the
    // instance) or another request cannot slip in between.
    run: (deps, input) =>
      deps.transaction(async (tx) => {
        const { accountId, now, storage } = deps;
        const instance = await findOwnInstance(tx, accountId, input.instanceId);
        const status = effectiveInstanceStatus(instance, now);
        if (!ALLOWED_FROM[action].includes(status)) {
          fail(
            "INCORRECT_INSTANCE_STATUS",
            `Instance ${instance.id} is ${status}: only an instance that is ${ALLOWED_FROM[action].join(" or ")} can be ${done}.`,
            ["input", "instanceId"],
          );
        }
        const lock = instance.lockedByImageId;
        if (lock && !input.force) {
          instanceLocked(
            instance.id,
            lock,
            ", so its status cannot change until the image is AVAILABLE. Wait for it, or pass force: true to proceed and abandon the image (it ends CREATE_FAILED).",
          );
        }
        let abandonedImageId: string | null = null;
        if (lock) {
          const failed = await failImageCreation(
            tx,
            lock,
            `Instance ${instance.id} was ${done} with force while the image was being created.`,
            now,
            storage,
          );
          if (failed) abandonedImageId = lock;
          // A lock whose image already ended is stale: forcing clears it either way.
          await tx.instance.updateMany({
            where: { id: instance.id, lockedByImageId: lock },
            data: { lockedByImageId: null },
          });
        }
        const data =
          action === "release"
            ? { status: "RELEASED" as const, releasedAt: now }
            : action === "reboot"
              ? { status: "RUNNING" as const, guestKernelUpgraded: false }
              : { status: action === "start" ? ("RUNNING" as const) : ("STOPPED" as const) };
        // Conditional on what was read, so a concurrent change is refused rather than overwritten.
        const updated = await tx.instance.updateMany({
          where: { id: instance.id, status: instance.status, lockedByImageId: null },
          data,
        });
        if (updated.count !== 1) {
          fail(
            "INCORRECT_INSTANCE_STATUS",
            `Instance ${instance.id} changed while it was being ${done}; read it again and retry.`,
            ["input", "instanceId"],
          );
        }
        if (action === "release") {
          await tx.disk.updateMany({
            where: { instanceId: instance.id, status: { not: "RELEASED" } },
            data: { status: "RELEASED", releasedAt: now },
          });
        }
        const fresh = await tx.instance.findUniqueOrThrow({ where: { id: instance.id } });
        return { result: fresh, work: work({ endedImages: abandonedImageId ? [abandonedImageId] : [] }) };
      }),
  };
}

/** updateInstanceGuestState: what the guest OS reports now, for the Linux pre-checks. */
export const updateInstanceGuestStateCommand: Command<
  { instanceId: string; guest: GuestStateInput },
  Instance
> = {
  operation: "updateInstanceGuestState",
  run: async (deps, input) => {
    const { accountId, now } = deps;
    const instance = await findOwnInstance(deps.db, accountId, input.instanceId);
    if (effectiveInstanceStatus(instance, now) === "RELEASED") {
      fail("INCORRECT_INSTANCE_STATUS", `Instance ${instance.id} is RELEASED: it has no guest OS any more.`, [
        "input",
        "instanceId",
      ]);
    }
    const errors = new ErrorCollector();
    const guest = mergeGuest(guestFromColumns(instance), input.guest, errors, ["input", "guest"]);
    errors.throwIfAny();
    const updated = await deps.transaction((tx) =>
      tx.instance.update({ where: { id: instance.id }, data: guestToColumns(guest) }),
    );
    return { result: updated, work: work() };
  },
};
