import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { kindOfId } from "../domain/ids.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import type { GraphQLContext } from "./context.ts";

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  /** Counted only when the client asks for totalCount. */
  Connection: { totalCount: () => Promise<number> };
}>({
  defaultFieldNullability: false,
  plugins: [RelayPlugin, PrismaPlugin],
  relay: {
    // The cloud's IDs are global already: each one's prefix names its type.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => {
      const typename = kindOfId(globalID);
      if (!typename) {
        throw new GraphQLError(`"${globalID}" is not an ID of this API.`, {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
      return { typename, id: globalID };
    },
    // node and nodes are scoped to the caller and take any string (node.ts).
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
