import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveCursorConnection } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import { GraphQLError } from "graphql";
import type { Instance, Snapshot } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * The contract's arguments, forward only: the Relay plugin's `t.connection` always adds `last` and
 * `before`, so connection fields are plain fields of a `connectionObject` type with these two.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

interface Keyed {
  id: string;
  createdAt: Date;
}

/** Newest first, by (createdAt, id): a cursor names a position, so it keeps working while rows are added. */
export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export function encodeCursor(row: Keyed): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

/** What encodeCursor writes: a 4-digit-year instant (toISOString) and an ID of our alphabet. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([A-Za-z0-9_.-]{1,128})$/;

function decodeCursor(cursor: string): Keyed {
  const parts = cursor.length <= 200 ? CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8")) : null;
  const createdAt = new Date(parts?.[1] ?? "");
  // Only a cursor this API wrote round-trips: out-of-range or rolled-over dates do not.
  if (!parts?.[2] || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== parts[1]) {
    throw new GraphQLError(`"after" is not a cursor this API returned: "${cursor}".`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return { id: parts[2], createdAt };
}

/** The plugin's helpers clamp a page to its maximum; the contract refuses it. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`"first" must be between 0 and ${MAX_PAGE_SIZE} (got ${size}).`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return size;
}

/**
 * Rows strictly after the cursor in NEWEST_FIRST order; shape fits every model's where input. Not
 * Prisma's own `cursor`, which needs the cursor's row to exist still.
 */
export function afterCursorWhere(after: string | null | undefined) {
  if (!after) return {};
  const { id, createdAt } = decodeCursor(after);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

/** A connection from one page of rows, first + 1 of them at most (the extra one tells hasNextPage). */
async function connectionOf<T extends Keyed>(
  args: PageArgs,
  load: (limit: number) => Promise<readonly T[]> | readonly T[],
  count: () => Promise<number>,
) {
  pageSize(args.first); // refuses what the plugin would clamp
  const { edges, pageInfo } = await resolveCursorConnection<Promise<readonly T[]>>(
    { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, toCursor: encodeCursor },
    async ({ limit }) => load(limit),
  );
  // The plugin repeats `after` as the cursors of an empty page; there are none.
  const cursors = edges.length === 0 ? { startCursor: null, endCursor: null } : {};
  return { edges, pageInfo: { ...pageInfo, ...cursors }, totalCount: count };
}

/**
 * The Prisma arguments of one page of a to-many relation, for a field-level `select`: the page
 * loads with its parent (query merging), one extra row telling whether there is a next page.
 */
export function relationPage(args: PageArgs, where: object) {
  return {
    where: { AND: [where, afterCursorWhere(args.after)] },
    orderBy: NEWEST_FIRST,
    take: pageSize(args.first) + 1,
  };
}

/**
 * The nested selection of a relation page, keeping the columns its cursors need: when a client asks
 * only for totalCount, the planned selection of the nodes is empty.
 */
export function withCursorColumns<Q extends object>(query: Q): Q {
  const select = (query as { select?: Record<string, unknown> }).select;
  if (!select) return query;
  return { ...query, select: { ...select, id: true, createdAt: true } };
}

/** A connection from rows already loaded by `relationPage`. */
export function relationConnection<T extends Keyed>(rows: T[], args: PageArgs, count: () => Promise<number>) {
  return connectionOf(args, () => rows, count);
}

/** A page of nothing, for filters that can match no row (an empty status list). */
export function emptyConnection() {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: async () => 0,
  };
}

builder.globalConnectionField("totalCount", (t) =>
  t.int({ resolve: (connection) => connection.totalCount() }),
);

/** The two reads a list makes of its model: a Prisma delegate (`ctx.prisma.image`, …) is one. */
export interface ListedModel<T> {
  findMany(args: { where: object; orderBy: typeof NEWEST_FIRST; take: number }): Promise<T[]>;
  count(args: { where: object }): Promise<number>;
}

/**
 * A connection over one model's rows matching `where`: the relations selected under edges.node
 * load in the same query (no N+1), and totalCount runs only when asked for.
 */
export function listConnection<T extends Keyed>(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  args: PageArgs,
  model: ListedModel<T>,
  where: object,
) {
  const selection = queryFromInfo({ context: ctx, info, path: ["edges", "node"] });
  return connectionOf(
    args,
    // first: 0 asks for no rows, so no statement.
    async (take) =>
      args.first === 0
        ? []
        : model.findMany({
            ...selection,
            orderBy: NEWEST_FIRST,
            take,
            where: { AND: [where, afterCursorWhere(args.after)] },
          }),
    () => model.count({ where }),
  );
}

/** The to-many relations listed by callersRelationPage, and their rows. */
interface CallersRelations {
  instances: Instance;
  snapshots: Snapshot;
}

/**
 * The `select` and `resolve` of a connection over a to-many relation, counting and listing the
 * caller's rows only (disk.snapshots, image.instances: a SYSTEM image's instances belong to every
 * account). The page and its count load with the parent, so a list of parents costs no query each.
 */
export function callersRelationPage<const Relation extends keyof CallersRelations>(relation: Relation) {
  type Loaded = { [R in Relation]: CallersRelations[R][] } & { _count: { [R in Relation]: number } };
  return {
    select: (args: PageArgs, ctx: GraphQLContext, nested: (query: object, path: string[]) => object) =>
      ({
        [relation]: withCursorColumns(
          nested(relationPage(args, { accountId: ctx.account.id }), ["edges", "node"]),
        ),
        _count: { select: { [relation]: { where: { accountId: ctx.account.id } } } },
      }) as { [R in Relation]: object } & { _count: { select: { [R in Relation]: { where: object } } } },
    resolve: (row: Loaded, args: PageArgs) =>
      relationConnection<CallersRelations[Relation]>(
        row[relation] as CallersRelations[Relation][],
        args,
        async () => row._count[relation],
      ),
  };
}
