import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Applies pending migrations with Prisma's own `migrate deploy` (its WebAssembly engine works offline). */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const cli = resolve(dirname(require.resolve("prisma/package.json")), "build/index.js");
  try {
    await run(process.execPath, [cli, "migrate", "deploy"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 10 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`migrate deploy failed: ${failure.stderr || failure.stdout || failure.message}`);
  }
}
