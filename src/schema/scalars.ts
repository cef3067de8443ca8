import { GraphQLError, Kind } from "graphql";
import { builder } from "./builder.ts";

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Days of a month of the proleptic Gregorian calendar (month 1-12). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseInstant(value: unknown): Date {
  const parts = typeof value === "string" ? ISO_INSTANT.exec(value) : null;
  if (typeof value !== "string" || !parts) {
    throw new GraphQLError(`DateTime must be an ISO 8601 instant such as "2026-11-27T10:00:00.000Z"`);
  }
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [offsetHours, offsetMinutes] = [Number(parts[8] ?? 0), Number(parts[9] ?? 0)];
  // Date would roll 2030-04-31 over to May 1st: an impossible date is refused instead.
  const real =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  const date = new Date(value);
  if (!real || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime "${value}" is not a real instant`);
  }
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
