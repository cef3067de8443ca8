/** The contract's ErrorCode enum: business errors come back as userErrors on the payload. */
export const ERROR_CODES = [
  "INVALID_INPUT",
  "NOT_FOUND",
  "REGION_NOT_FOUND",
  "INCORRECT_INSTANCE_STATUS",
  "INSTANCE_LOCKED",
  "DISK_CREATING_SNAPSHOT",
  "INVALID_IMAGE_NAME",
  "DUPLICATE_IMAGE_NAME",
  "INVALID_DESCRIPTION",
  "QUOTA_EXCEEDED",
  "REGION_MISMATCH",
  "SAME_REGION",
  "INCORRECT_IMAGE_STATUS",
  "NOT_A_COPY",
  "SNAPSHOT_NOT_READY",
  "NOT_SYSTEM_DISK_SNAPSHOT",
  "SNAPSHOT_IN_USE",
  "IMAGE_IN_USE",
  "IMAGE_COPYING",
  "PRECHECK_FAILED",
  "IDEMPOTENT_PARAMETER_MISMATCH",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface UserError {
  code: ErrorCode;
  field: string[] | null;
  message: string;
}

/** Thrown by domain functions (also inside a transaction, which it rolls back); the schema turns it into userErrors. */
export class DomainError extends Error {
  readonly errors: UserError[];

  constructor(errors: UserError | UserError[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => e.message).join("; "));
    this.name = "DomainError";
    this.errors = list;
  }
}

export function userError(code: ErrorCode, message: string, field?: string[]): UserError {
  return { code, message, field: field ?? null };
}

export function fail(code: ErrorCode, message: string, field?: string[]): never {
  throw new DomainError(userError(code, message, field));
}

/** Collects several validation errors so one answer names every bad field. */
export class ErrorCollector {
  readonly errors: UserError[] = [];

  add(code: ErrorCode, message: string, field?: string[]): void {
    this.errors.push(userError(code, message, field));
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new DomainError(this.errors);
  }
}

/** What the caller cannot see does not exist as far as it can tell (schema.graphql: never FORBIDDEN). */
export function notFound(
  kind: "Image" | "Instance" | "Snapshot" | "Disk",
  id: string,
  field: string[],
): never {
  fail("NOT_FOUND", `${kind} "${id}" does not exist.`, field);
}

export function regionNotFound(id: string, field: string[]): never {
  fail("REGION_NOT_FOUND", `Region "${id}" does not exist.`, field);
}

/** A conditional write found the row no longer as it was read: another request changed it. */
export function changedMeanwhile(
  code: "INCORRECT_IMAGE_STATUS" | "INCORRECT_INSTANCE_STATUS",
  kind: "Image" | "Instance",
  id: string,
  field: string[],
): never {
  fail(code, `${kind} ${id} changed meanwhile; read it again and retry.`, field);
}

/** One snapshot in progress per disk: `of` names the disk, `snapshotId` the snapshot in progress when known. */
export function diskSnapshotInProgress(of: string, field: string[], snapshotId?: string): never {
  fail(
    "DISK_CREATING_SNAPSHOT",
    `A snapshot of ${of} is already in progress${snapshotId ? ` (${snapshotId})` : ""}: wait for it to finish or delete it.`,
    field,
  );
}

/** An instance is locked while an image is created from it; `consequence` says what the caller may do. */
export function instanceLocked(instanceId: string, imageId: string, consequence: string): never {
  fail("INSTANCE_LOCKED", `Image ${imageId} is being created from instance ${instanceId}${consequence}`, [
    "input",
    "instanceId",
  ]);
}
