import { ERROR_CODES, type UserError } from "../domain/errors.ts";
import { builder } from "./builder.ts";

export const ErrorCodeEnum = builder.enumType("ErrorCode", { values: ERROR_CODES });

export const UserErrorRef = builder.objectRef<UserError>("UserError").implement({
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    field: t.stringList({
      nullable: true,
      description: 'Path to the input field at fault, e.g. ["input", "name"].',
      resolve: (e) => e.field,
    }),
    message: t.exposeString("message"),
  }),
});
