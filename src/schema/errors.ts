import { DomainError, ERROR_CODES, type UserError } from "../domain/errors.ts";
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

export type WithUserErrors<T> = Partial<T> & { userErrors: UserError[] };

/** Runs a mutation's domain call; business errors become userErrors, anything else stays a (masked) fault. */
export async function withUserErrors<T extends object>(run: () => Promise<T>): Promise<WithUserErrors<T>> {
  try {
    return { ...(await run()), userErrors: [] };
  } catch (error) {
    if (error instanceof DomainError) return { userErrors: error.errors } as WithUserErrors<T>;
    throw error;
  }
}
