import { GraphQLError } from "graphql";
import { isWellFormedText, MALFORMED_TEXT } from "../../domain/validation.ts";

/**
 * The first string in the variables that holds a lone UTF-16 surrogate (JSON can carry one as
 * "\ud800"; GraphQL string literals cannot) or a NUL character, as a path such as `$input.name`, or null.
 * Such text cannot be stored or compared: it is refused before anything runs. Iterative, as JSON
 * variables may nest deeper than the stack.
 */
export function malformedTextPath(root: unknown, rootPath: string): string | null {
  // Each entry knows its parent, so a path is only built for the string that is refused.
  const seen: { value: unknown; parent: number; step: string }[] = [
    { value: root, parent: -1, step: rootPath },
  ];
  const pending = [0];
  for (let index = pending.pop(); index !== undefined; index = pending.pop()) {
    const { value } = seen[index]!;
    if (typeof value === "string") {
      if (!isWellFormedText(value)) return pathOf(seen, index);
    } else if (value && typeof value === "object") {
      const entries = Array.isArray(value)
        ? value.map((item, i) => [`[${i}]`, item] as const)
        : Object.entries(value).map(([key, item]) => [`.${key}`, item] as const);
      for (const [step, item] of entries) {
        seen.push({ value: item, parent: index, step });
        pending.push(seen.length - 1);
      }
    }
  }
  return null;
}

function pathOf(seen: { parent: number; step: string }[], index: number): string {
  const steps: string[] = [];
  for (let at = index; at >= 0; at = seen[at]!.parent) steps.push(seen[at]!.step);
  return steps.reverse().join("");
}

export function checkVariablesText(variables: Readonly<Record<string, unknown>> | null | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const path = malformedTextPath(value, `$${name}`);
    if (path) {
      throw new GraphQLError(`${path} contains ${MALFORMED_TEXT}`, {
        extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
      });
    }
  }
}
