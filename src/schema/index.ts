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
import "./image/type.ts";
import "./image/creation.ts";
import "./image/progress.ts";
import "./image/copy.ts";
import "./image/administration.ts";

export const schema = lexicographicSortSchema(builder.toSchema());
