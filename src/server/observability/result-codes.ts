import type { ExecutionResult } from "graphql";

/** A GraphQL error's `extensions.code`; an error without one is a masked, unexpected one. */
export function errorCode(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
}

/** The `userErrors` of a result's mutation payloads: each root field's, where it has them. */
export function userErrorsOf(result: ExecutionResult): { code?: unknown }[] {
  const found: { code?: unknown }[] = [];
  for (const payload of Object.values(result.data ?? {})) {
    const userErrors = (payload as { userErrors?: { code?: unknown }[] } | null)?.userErrors;
    if (Array.isArray(userErrors)) found.push(...userErrors);
  }
  return found;
}
