import type { Account } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";

export const AccountRef = builder.prismaObject("Account", {
  fields: (t) => ({
    name: t.exposeString("name"),
    imageQuotaPerRegion: t.exposeInt("imageQuotaPerRegion", {
      description: "Custom images allowed per region (default 100).",
    }),
  }),
});

builder.nodeRef(AccountRef, {
  id: { resolve: (account: Account) => account.id },
  // Only the caller's own account is a node to it; it is loaded already.
  loadMany: (ids, ctx) => ids.map((id) => (id === ctx.account.id ? ctx.account : null)),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: AccountRef,
    description: "The account that the request's API key belongs to.",
    resolve: (_root, _args, ctx) => ctx.account,
  }),
);
