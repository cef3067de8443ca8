import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

/** postgresql:// or postgres://: the gateway runs on PostgreSQL; anything else is a SQLite file: URL. */
export function isPostgresUrl(url: string | undefined): boolean {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** Normalises a `file:` URL to an absolute path and makes sure its folder exists. */
export function sqliteFileUrl(url: string | undefined): string {
  const value = url && url.length > 0 ? url : DEFAULT_DATABASE_URL;
  if (!value.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite file: URL or a postgresql:// URL (got ${value.split(":")[0]}:…)`,
    );
  }
  const path = value.slice("file:".length);
  if (path === ":memory:") return value;
  const absolute = resolve(path);
  mkdirSync(dirname(absolute), { recursive: true });
  return `file:${absolute}`;
}
