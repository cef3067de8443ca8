/**
 * Derives the PostgreSQL schema and migration history from the one source of truth,
 * prisma/schema.prisma and its SQLite migrations (prisma/migrations). Never edit the output:
 *
 *   npm run db:derive           writes prisma/postgresql/
 *   npm run db:derive -- --check  fails (exit 1) when prisma/postgresql/ drifts (part of npm run check)
 *
 * Every SQLite migration is Prisma's diff between two versions of the schema, followed by
 * hand-written SQL that the schema language cannot express (partial unique indexes, backfills),
 * which must be portable. Its PostgreSQL twin, of the same name, is Prisma's PostgreSQL diff between
 * the same two versions followed by the same hand-written SQL. The version of the schema each
 * migration was made from is kept beside its twin (source.prisma); a new SQLite migration takes
 * the current prisma/schema.prisma.
 */
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = join(ROOT, "prisma/schema.prisma");
const SQLITE_MIGRATIONS = join(ROOT, "prisma/migrations");
const PG_ROOT = join(ROOT, "prisma/postgresql");
const PG_SCHEMA = join(PG_ROOT, "schema.prisma");
const PG_MIGRATIONS = join(PG_ROOT, "migrations");
const NOTICE =
  "Derived from prisma/schema.prisma by scripts/derive-postgres.ts (npm run db:derive): do not edit.";
const EMPTY_DIFF = "-- This is an empty migration.";

/** The source schema with PostgreSQL as provider and its own client; the Pothos types come from the source. */
export function toPostgresSchema(source: string): string {
  const replace = (text: string, pattern: RegExp, replacement: string) => {
    if (!pattern.test(text)) throw new Error(`derive-postgres: the schema has no ${pattern}`);
    return text.replace(pattern, replacement);
  };
  let schema = replace(source, /\ngenerator pothos \{[^}]*\}\n/, "\n");
  schema = replace(schema, /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  schema = replace(
    schema,
    /(datasource db \{[^}]*url\s*=\s*)"[^"]*"/,
    '$1"postgresql://localhost/placeholder"',
  );
  schema = replace(
    schema,
    /(generator client \{[^}]*output\s*=\s*)"\.\.\/src\/generated\/prisma"/,
    '$1"../../src/generated/prisma-pg"',
  );
  return `// ${NOTICE}\n${schema}`;
}

const require = createRequire(import.meta.url);
const PRISMA_CLI = resolve(dirname(require.resolve("prisma/package.json")), "build/index.js");

/** Prisma's migration script from one schema file (or nothing) to another. */
async function diff(from: string | null, to: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  delete env.DATABASE_URL; // files only: the config's SQLite adapter is never connected
  const args = [PRISMA_CLI, "migrate", "diff", "--script", "--to-schema-datamodel", to];
  args.push(...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]));
  const { stdout } = await run(process.execPath, args, { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

interface Derived {
  files: Map<string, string>;
  problems: string[];
}

async function derive(check: boolean): Promise<Derived> {
  const files = new Map<string, string>();
  const problems: string[] = [];
  const work = mkdtempSync(join(tmpdir(), "derive-postgres-"));
  try {
    const source = readFileSync(SOURCE, "utf8");
    const names = readdirSync(SQLITE_MIGRATIONS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const snapshots = names.map((name, index) => {
      const file = join(PG_MIGRATIONS, name, "source.prisma");
      if (existsSync(file)) return readFileSync(file, "utf8");
      if (check) problems.push(`prisma/postgresql/migrations/${name} is missing: run npm run db:derive`);
      else if (index !== names.length - 1) {
        throw new Error(
          `derive-postgres: ${name} has no source.prisma, and only the newest migration takes the current schema`,
        );
      }
      return source;
    });
    const paths = snapshots.map((text, index) => {
      const sqlite = join(work, `${index}.sqlite.prisma`);
      const pg = join(work, `${index}.pg.prisma`);
      writeFileSync(sqlite, text);
      writeFileSync(pg, toPostgresSchema(text));
      return { sqlite, pg };
    });
    const current = join(work, "current.prisma");
    writeFileSync(current, source);
    const last = paths.at(-1);
    const [sqliteDiffs, pgDiffs, pending] = await Promise.all([
      Promise.all(paths.map((path, i) => diff(i > 0 ? paths[i - 1]!.sqlite : null, path.sqlite))),
      Promise.all(paths.map((path, i) => diff(i > 0 ? paths[i - 1]!.pg : null, path.pg))),
      last ? diff(last.sqlite, current) : Promise.resolve(EMPTY_DIFF),
    ]);
    if (pending.trim() !== EMPTY_DIFF) {
      problems.push(
        "prisma/schema.prisma differs from its newest migration: write a SQLite migration (migrate diff from the old schema), then npm run db:derive",
      );
    }
    names.forEach((name, i) => {
      const sqliteSql = readFileSync(join(SQLITE_MIGRATIONS, name, "migration.sql"), "utf8");
      const generated = sqliteDiffs[i]!.trimEnd();
      const handWritten = generated === EMPTY_DIFF ? sqliteSql : sqliteSql.slice(generated.length);
      if (generated !== EMPTY_DIFF && !sqliteSql.startsWith(generated)) {
        problems.push(
          `prisma/migrations/${name}/migration.sql does not begin with Prisma's diff of its schema version: it cannot be derived`,
        );
      }
      const pgDiff = pgDiffs[i]!.trimEnd();
      const body = pgDiff === EMPTY_DIFF ? "" : pgDiff;
      files.set(join(PG_MIGRATIONS, name, "migration.sql"), `-- ${NOTICE}\n${body}${handWritten}`);
      files.set(join(PG_MIGRATIONS, name, "source.prisma"), snapshots[i]!);
    });
    files.set(join(PG_MIGRATIONS, "migration_lock.toml"), `# ${NOTICE}\nprovider = "postgresql"\n`);
    files.set(PG_SCHEMA, toPostgresSchema(source));
    if (existsSync(PG_MIGRATIONS)) {
      for (const entry of readdirSync(PG_MIGRATIONS, { withFileTypes: true })) {
        if (entry.isDirectory() && !names.includes(entry.name)) {
          problems.push(`prisma/postgresql/migrations/${entry.name} has no SQLite twin in prisma/migrations`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { files, problems };
}

const check = process.argv.includes("--check");
const { files, problems } = await derive(check);
for (const [file, content] of files) {
  const committed = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (committed === content) continue;
  if (check)
    problems.push(`${file.slice(ROOT.length + 1)} drifted from its derivation: run npm run db:derive`);
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    process.stdout.write(`wrote ${file.slice(ROOT.length + 1)}\n`);
  }
}
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`derive-postgres: ${problem}\n`);
  process.exit(1);
}
