import { createHash } from "node:crypto";
import type { Db, Tx } from "../db/client.ts";
import { fail } from "./errors.ts";

export interface IdempotencyKey {
  accountId: string;
  operation: string;
  token: string | null | undefined;
  /** The request without its clientToken; a retry must send the same. */
  request: unknown;
}

/**
 * The first step of every create, before it validates the request: the key its clientToken claims
 * (the token, and the rest of the input as the request a retry repeats), and the resource an
 * earlier request with the same key created (see earlierResult).
 */
export async function lookUpClientToken(
  prisma: Db,
  accountId: string,
  operation: string,
  input: { clientToken?: string | null },
): Promise<{ key: IdempotencyKey; earlier: string | null }> {
  const { clientToken, ...request } = input;
  const key = { accountId, operation, token: clientToken, request };
  return { key, earlier: await earlierResult(prisma, key) };
}

/** A request as compared between retries: absent, null and an empty list are the same input. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(request: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(request)))
    .digest("hex");
}

/** A unique constraint refused the write; `columns` narrows it to an index that covers one of them. */
export function isUniqueViolation(error: unknown, columns?: string[]): boolean {
  // By name and code, not instanceof: the SQLite and the PostgreSQL client each have their own class.
  const known = error as { name?: string; code?: string; message?: string; meta?: unknown };
  if (known?.name !== "PrismaClientKnownRequestError" || known.code !== "P2002") return false;
  if (!columns) return true;
  // SQLite names the columns (`Image.name`), PostgreSQL's key detail too (`"accountId", "regionId", name`).
  const text = `${known.message} ${JSON.stringify(known.meta ?? {})}`;
  return columns.some((column) => text.includes(column));
}

/**
 * The resource an earlier request with this clientToken created, or null; other input with the
 * same token is refused. Asked before the request is validated, so a retry gets its first answer
 * even after the world moved on (a clock past expiresAt, a deleted image).
 */
export async function earlierResult(prisma: Db, key: IdempotencyKey): Promise<string | null> {
  if (!key.token) return null;
  const record = await prisma.idempotencyRecord.findUnique({
    where: {
      accountId_operation_token: { accountId: key.accountId, operation: key.operation, token: key.token },
    },
  });
  if (!record) return null;
  if (record.requestHash !== requestHash(key.request)) {
    fail(
      "IDEMPOTENT_PARAMETER_MISMATCH",
      `clientToken "${key.token}" was already used for ${key.operation} with different parameters: use a new token for a new request.`,
      ["input", "clientToken"],
    );
  }
  return record.resourceId;
}

/**
 * The first write of a create's transaction (src/domain/command.ts): the record's primary key
 * (account, operation, token) makes the database, not a check-then-insert, decide who wins. The
 * token was looked up already; a request that claimed it meanwhile wins, and this one gets its
 * result (or IDEMPOTENT_PARAMETER_MISMATCH for other input) from earlierResult.
 */
export async function claimClientToken(tx: Tx, key: IdempotencyKey, resourceId: string): Promise<void> {
  await tx.idempotencyRecord.create({
    data: {
      accountId: key.accountId,
      operation: key.operation,
      token: key.token!,
      requestHash: requestHash(key.request),
      resourceId,
    },
  });
}
