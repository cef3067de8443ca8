import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { schema } from "../src/schema/index.ts";

/** Writes the served schema to schema.graphql; a test fails when the committed file drifts from the code. */
writeFileSync(new URL("../schema.graphql", import.meta.url), `${printSchema(schema)}\n`);
