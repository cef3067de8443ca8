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
