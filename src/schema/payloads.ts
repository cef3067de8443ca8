import type { FieldMap, ObjectRef } from "@pothos/core";
import type { UserError } from "../domain/errors.ts";
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";
import { UserErrorRef } from "./errors.ts";

type Types = typeof builder.$inferSchemaTypes;

/**
 * How a payload reads each kind of row it returns: by ID, after the write, with the query the
 * Prisma plugin planned from what the client selected under the field. The relations asked for
 * load in that same Prisma query, instead of in a fallback query that reads the row again.
 */
const rowById = {
  Image: (ctx: GraphQLContext, id: string, query: object) =>
    ctx.prisma.image.findUniqueOrThrow({ ...query, where: { id } }),
  Instance: (ctx: GraphQLContext, id: string, query: object) =>
    ctx.prisma.instance.findUniqueOrThrow({ ...query, where: { id } }),
  Snapshot: (ctx: GraphQLContext, id: string, query: object) =>
    ctx.prisma.snapshot.findUniqueOrThrow({ ...query, where: { id } }),
};

type RowModel = keyof typeof rowById;

/** What a mutation's resolver returns for each row field: `image` resolves from `imageId`. */
type RowIds<Rows> = { [Field in keyof Rows & string as `${Field}Id`]?: string | null };

type WithErrors<Shape> = Shape & { userErrors: UserError[] };

/** The field builder for a payload's own fields besides its rows and userErrors. */
export type PayloadFields<Extra extends object> = PothosSchemaTypes.ObjectFieldBuilder<
  Types,
  WithErrors<Partial<Extra>>
>;

/**
 * A mutation payload: `userErrors`, one nullable field per row (`{ image: "Image" }` defines
 * `image: Image`, read from the resolver's `imageId`, null when there is none) and any `fields`
 * of its own, typed by the annotation of their builder.
 */
export function payloadType<const Rows extends Record<string, RowModel>, Extra extends object = object>(
  name: string,
  rows: Rows,
  fields?: (t: PayloadFields<Extra>) => FieldMap,
): ObjectRef<Types, WithErrors<RowIds<Rows> & Partial<Extra>>> {
  return builder.objectRef<WithErrors<RowIds<Rows> & Partial<Extra>>>(name).implement({
    fields: (t) => {
      const rowFields = Object.entries(rows).map(([field, model]) => {
        // Typed as if every row were an image: the plugin finds the model's ref by its name at
        // run time, and the row's own type matters to no code past this resolver.
        const ref = t.prismaField({
          type: model as "Image",
          nullable: true,
          resolve: (query, payload, _args, ctx) => {
            const id = (payload as Record<string, unknown>)[`${field}Id`];
            if (typeof id !== "string") return null;
            return rowById[model](ctx, id, query) as ReturnType<(typeof rowById)["Image"]>;
          },
        });
        return [field, ref] as const;
      });
      return {
        ...Object.fromEntries(rowFields),
        // The whole payload's builder, typed as the part of the payload these fields read.
        ...fields?.(t as unknown as PayloadFields<Extra>),
        userErrors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.userErrors }),
      };
    },
  });
}
