import { createHash } from "node:crypto";

/** Keys are stored as SHA-256: they are long random strings, so a slow password hash adds nothing. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}
