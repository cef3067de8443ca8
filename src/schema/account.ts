import { builder } from "./builder.ts";
import { NodeRef } from "./node.ts";

export const AccountRef = builder.prismaObject("Account", {
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    imageQuotaPerRegion: t.exposeInt("imageQuotaPerRegion", {
      description: "Custom images allowed per region (default 100).",
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: AccountRef,
    description: "The account that the request's API key belongs to.",
    resolve: (_root, _args, ctx) => ctx.account,
  }),
);
