import type { InputObjectRef, ObjectRef } from "@pothos/core";
import type { GraphQLResolveInfo } from "graphql";
import type { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";
import { emptyConnection, type ListedModel, listConnection, type PageArgs } from "./pagination.ts";

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

/**
 * The query field of a list of the caller's rows (`disks`, `instances`, `snapshots`): `first`,
 * `after` and a filter, newest first (listConnection). `where` turns the filter into Prisma's terms
 * (the caller's account is added to them), or says null where the filter can match no row.
 */
export function accountListField<Shape, Filter extends object>(
  t: PothosSchemaTypes.QueryFieldBuilder<Types, object>,
  options: {
    type: ObjectRef<Types, Shape>;
    filter: InputObjectRef<Types, Filter>;
    description?: string;
    model: (ctx: GraphQLContext) => ListedModel<{ id: string; createdAt: Date }>;
    where: (filter: Filter | null | undefined, ctx: GraphQLContext) => object | null;
  },
) {
  const resolve = (
    _root: object,
    args: PageArgs & { filter?: Filter | null },
    ctx: GraphQLContext,
    info: GraphQLResolveInfo,
  ) => {
    const where = options.where(args.filter, ctx);
    return where === null
      ? emptyConnection()
      : listConnection(ctx, info, args, options.model(ctx), { accountId: ctx.account.id, ...where });
  };
  return t.field({
    type: options.type,
    description: options.description,
    args: { first: t.arg.int(), after: t.arg.string(), filter: t.arg({ type: options.filter }) },
    // Typed for any connection (Shape is generic here): the plugin's connection shape, as every list field returns.
    resolve: resolve as never,
  });
}
