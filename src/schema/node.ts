import { GraphQLError } from "graphql";
import { kindOfId } from "../domain/ids.ts";
import { builder } from "./builder.ts";

/** The most IDs one `nodes` call takes (README "Endpoints and limits"). */
export const MAX_NODE_IDS = 100;

/** Unknown IDs answer null, as foreign ones do: only an ID whose prefix names a type is loaded. */
const loadable = (id: string) => (kindOfId(id) ? id : null);

/** The rows of a node type's `loadMany`, in the order of its IDs (null where not found). */
export function inIdOrder<T extends { id: string }>(
  ids: readonly string[],
  rows: readonly T[],
): (T | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

// The plugin loads the IDs of one type together: a prismaNode's findUniques, which Prisma batches
// into one statement, or a nodeRef's loadMany; each is scoped to the caller.
builder.queryFields((t) => ({
  node: t.node({
    args: { id: t.arg.id({ required: true }) },
    id: (_root, args) => loadable(args.id),
  }),
  nodes: t.nodeList({
    args: { ids: t.arg.idList({ required: true }) },
    ids: (_root, args) => {
      if (args.ids.length > MAX_NODE_IDS) {
        throw new GraphQLError(`"nodes" takes at most ${MAX_NODE_IDS} IDs (got ${args.ids.length}).`, {
          extensions: { code: "BAD_USER_INPUT", limit: MAX_NODE_IDS, found: args.ids.length },
        });
      }
      return args.ids.map(loadable);
    },
  }),
}));
