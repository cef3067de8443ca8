import { randomBytes } from "node:crypto";
import { hashApiKey } from "../db/api-key-hash.ts";
import type { Db } from "../db/client.ts";
import type { Account } from "../generated/prisma/client.ts";
import { fail } from "./errors.ts";
import { newId } from "./ids.ts";

export { hashApiKey };

export function generateApiKey(): string {
  return `igk_${randomBytes(24).toString("base64url")}`;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The key of an `Authorization: Bearer <key>` value, or null. */
export function bearerKey(header: string | null | undefined): string | null {
  if (!header) return null;
  return BEARER.exec(header)?.[1] ?? null;
}

export type Authenticate = (key: string | null) => Promise<Account | null>;

/**
 * Resolves API keys to accounts, remembering each answer for `ttlMs` so a busy client costs one
 * lookup per interval instead of one per request. Unknown keys are not remembered.
 */
export function createAuthenticator(prisma: Db, ttlMs = 5_000, maxEntries = 10_000): Authenticate {
  const cache = new Map<string, { account: Account; expires: number }>();
  return async (key) => {
    if (!key) return null;
    const hash = hashApiKey(key);
    const now = Date.now();
    const hit = cache.get(hash);
    if (hit && hit.expires > now) return hit.account;
    const account = await prisma.account.findUnique({ where: { apiKeyHash: hash } });
    if (account) {
      if (cache.size >= maxEntries) cache.clear();
      cache.set(hash, { account, expires: now + ttlMs });
    }
    return account;
  };
}

const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;

export async function createAccount(prisma: Db, name: string): Promise<{ account: Account; apiKey: string }> {
  if (!ACCOUNT_NAME.test(name)) {
    fail(
      "INVALID_INPUT",
      "An account name is 2 to 64 of A-Z, a-z, 0-9, '_', '.', '-', starting with a letter or digit.",
    );
  }
  if (await prisma.account.findUnique({ where: { name } })) {
    fail("INVALID_INPUT", `An account named "${name}" already exists.`);
  }
  const apiKey = generateApiKey();
  const account = await prisma.account.create({
    data: { id: newId("account"), name, apiKeyHash: hashApiKey(apiKey) },
  });
  return { account, apiKey };
}
