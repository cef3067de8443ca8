import { GraphQLError } from "graphql";
import { kindOfId, type NodeKind } from "../domain/ids.ts";
import { imagesVisibleTo } from "../domain/lookup.ts";
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";

export const NodeRef = builder.interfaceRef<{ id: string }>("Node").implement({
  fields: (t) => ({ id: t.exposeID("id") }),
  resolveType: (value) => kindOfId(value.id),
});

/** The most IDs one `nodes` call takes (README "Endpoints and limits"). */
export const MAX_NODE_IDS = 100;

/** Loads nodes by ID, one query per type, scoped to the caller; unknown or foreign IDs give null. */
async function loadNodes(ctx: GraphQLContext, ids: readonly string[]): Promise<({ id: string } | null)[]> {
  const accountId = ctx.account.id;
  const byKind = new Map<NodeKind, string[]>();
  for (const id of ids) {
    const kind = kindOfId(id);
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  const found = new Map<string, { id: string }>();
  const load = async (kind: NodeKind, kindIds: string[]) => {
    const where = { id: { in: kindIds } };
    let rows: { id: string }[] = [];
    switch (kind) {
      case "Instance":
        rows = await ctx.prisma.instance.findMany({ where: { ...where, accountId } });
        break;
      case "Disk":
        rows = await ctx.prisma.disk.findMany({ where: { ...where, accountId } });
        break;
      case "Snapshot":
        rows = await ctx.prisma.snapshot.findMany({ where: { ...where, accountId } });
        break;
      case "Image":
        rows = await ctx.prisma.image.findMany({ where: { ...where, ...imagesVisibleTo(accountId) } });
        break;
      case "Account":
        rows = kindIds.includes(accountId) ? [ctx.account] : [];
        break;
    }
    for (const row of rows) found.set(row.id, row);
  };
  await Promise.all([...byKind].map(([kind, kindIds]) => load(kind, kindIds)));
  return ids.map((id) => found.get(id) ?? null);
}

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => (await loadNodes(ctx, [args.id]))[0] ?? null,
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) => {
      if (args.ids.length > MAX_NODE_IDS) {
        throw new GraphQLError(`"nodes" takes at most ${MAX_NODE_IDS} IDs (got ${args.ids.length}).`, {
          extensions: { code: "BAD_USER_INPUT", limit: MAX_NODE_IDS, found: args.ids.length },
        });
      }
      return loadNodes(ctx, args.ids);
    },
  }),
}));
