import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  buildSchema,
  DangerousChangeType,
  findBreakingChanges,
  findDangerousChanges,
  type GraphQLSchema,
} from "graphql";

/**
 * What the served schema breaks of a published contract: a removed or changed type, field or
 * argument, or a changed argument/input default. Empty when the schema contains the whole contract.
 */
export function contractProblems(contractSdl: string, served: GraphQLSchema): string[] {
  const contract = buildSchema(contractSdl);
  const breaking = findBreakingChanges(contract, served).map((change) => change.description);
  const defaults = findDangerousChanges(contract, served)
    .filter((change) => change.type === DangerousChangeType.ARG_DEFAULT_VALUE_CHANGE)
    .map((change) => change.description);
  return [...breaking, ...defaults];
}

async function main(argv: string[]): Promise<number> {
  const [contractPath] = argv;
  if (!contractPath) {
    process.stderr.write("usage: npm run contract:check -- <path/to/contract/schema.graphql>\n");
    return 2;
  }
  const { schema } = await import("../src/schema/index.ts");
  const problems = contractProblems(readFileSync(contractPath, "utf8"), schema);
  if (problems.length === 0) {
    process.stdout.write(`The served schema contains the whole of ${contractPath}.\n`);
    return 0;
  }
  process.stderr.write(`The served schema breaks ${contractPath}:\n`);
  for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
