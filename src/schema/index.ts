import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.ts";
import "./scalars.ts";
import "./errors.ts";
import "./node.ts";
import "./account.ts";
import "./region.ts";
import "./instance.ts";
import "./disk.ts";
import "./snapshot.ts";
import "./image.ts";

export const schema = lexicographicSortSchema(builder.toSchema());
