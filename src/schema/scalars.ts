import { GraphQLError, Kind } from "graphql";
import { builder } from "./builder.ts";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date {
  if (typeof value !== "string" || !ISO_INSTANT.test(value)) {
    throw new GraphQLError(`DateTime must be an ISO 8601 instant such as "2026-11-27T10:00:00.000Z"`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime "${value}" is not a real instant`);
  return date;
}

builder.scalarType("DateTime", {
  description: 'An instant as an ISO 8601 string in UTC, e.g. "2026-11-27T10:00:00.000Z".',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseInstant,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be a string");
    return parseInstant(ast.value);
  },
});
