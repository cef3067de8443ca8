import type { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";

type Types = typeof builder.$inferSchemaTypes;

/** Prisma's delegate of each model a query field reads by ID. */
const delegates = {
  Disk: (ctx: GraphQLContext) => ctx.prisma.disk,
  Image: (ctx: GraphQLContext) => ctx.prisma.image,
  Instance: (ctx: GraphQLContext) => ctx.prisma.instance,
  Snapshot: (ctx: GraphQLContext) => ctx.prisma.snapshot,
};

type Delegate = { findFirst(args: { where: object }): Promise<unknown> };

/**
 * The query field of one row by ID (`disk(id:)`, `image(id:)`, …): null where the caller may not
 * see it. `visible` says which rows it may see; by default its own (accountId). The relations the
 * client selected load in the same Prisma query.
 */
export function rowByIdField(
  t: PothosSchemaTypes.QueryFieldBuilder<Types, object>,
  model: keyof typeof delegates,
  visible: (accountId: string, id: string) => object = (accountId, id) => ({ id, accountId }),
) {
  return t.prismaField({
    // Typed as if every row were a disk: the plugin finds the model's ref by its name at run time.
    type: model as "Disk",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const delegate = delegates[model](ctx) as unknown as Delegate;
      return delegate.findFirst({ ...query, where: visible(ctx.account.id, args.id) }) as Promise<null>;
    },
  });
}
