/** SQL statements per list request, for pages of 1, 20 and 100. */
import { check, postRaw } from "../lib/http.ts";
import { type Child, call } from "../lib/processes.ts";
import { CONSOLE_LIST, type ConsoleBody } from "./list.ts";

export async function statementsPerList(gateway: Child, first: number, filter: object) {
  // Authentication reads the account once per 5 s per key: not counted against the list.
  await postRaw(gateway.origin, "{ viewer { id } }", { benchMiss: Math.random() });
  await call(gateway, { type: "resetStatements" });
  const query = CONSOLE_LIST.replace("first: 20", `first: ${first}`)
    .replace("filter: { regionId: $regionId, ownerAlias: [SELF] }", "filter: $filter")
    .replace("$regionId: ID!", "$filter: ImageFilter");
  const text = (await postRaw(gateway.origin, query, { filter, benchMiss: Math.random() })).text;
  const body = JSON.parse(text) as ConsoleBody & { errors?: unknown };
  check(!body.errors, `statements: ${text.slice(0, 300)}`);
  check(body.data.images.edges.length === Math.min(first, body.data.images.totalCount), "statements: page");
  return call<number>(gateway, { type: "statements" });
}

/** Statements for pages of 1, 20 and 100 under one filter. */
export async function statementsPerPage(gateway: Child, filter: object) {
  return {
    first1: await statementsPerList(gateway, 1, filter),
    first20: await statementsPerList(gateway, 20, filter),
    first100: await statementsPerList(gateway, 100, filter),
  };
}
