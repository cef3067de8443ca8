import { builder } from "./builder.ts";

export const RegionRef = builder.prismaObject("Region", {
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
  }),
});

builder.queryField("regions", (t) =>
  t.prismaField({
    type: [RegionRef],
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.region.findMany({ ...query, orderBy: { sortOrder: "asc" } }),
  }),
);
