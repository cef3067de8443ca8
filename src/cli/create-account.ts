import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { createDb, initDatabase } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { createAccount } from "../domain/accounts.ts";
import { DomainError } from "../domain/errors.ts";

/** `npm run account:create -- --name <name>`: prints {"id":"acc-…","name":"…","apiKey":"…"}. */
const { values } = parseArgs({ options: { name: { type: "string" } } });
if (!values.name) {
  process.stderr.write("usage: npm run account:create -- --name <name>\n");
  process.exit(2);
}

const config = loadConfig();
await migrateDatabase(config.databaseUrl);
const db = createDb(config.databaseUrl, { poolSize: 1 });
const { prisma } = db;
await initDatabase(db);
try {
  const { account, apiKey } = await createAccount(prisma, values.name);
  process.stdout.write(`${JSON.stringify({ id: account.id, name: account.name, apiKey })}\n`);
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
