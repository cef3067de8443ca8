import type { InputObjectRef, ObjectRef } from "@pothos/core";
import { type Command, type CommandDeps, runCommand } from "../domain/command.ts";
import type { UserError } from "../domain/errors.ts";
import { builder } from "./builder.ts";
import type { GraphQLContext } from "./context.ts";

type Types = typeof builder.$inferSchemaTypes;

/** What every command is given, from the request's context. */
export function commandDeps(ctx: GraphQLContext): CommandDeps {
  return {
    db: ctx.prisma,
    accountId: ctx.account.id,
    now: ctx.clock.now(),
    rates: ctx.rates,
    storage: ctx.storage,
  };
}

export interface CommandMutation<
  Input extends object,
  Shape extends Input,
  Result,
  Payload extends { userErrors: UserError[] },
> {
  description?: string;
  /** The mutation's one argument, `input`: the command's input as GraphQL parses it. */
  input: InputObjectRef<Types, Shape>;
  payload: ObjectRef<Types, Payload>;
  command: Command<Input, Result, unknown>;
  /** The payload of a command that succeeded (its rows by ID: see payloadType). */
  toPayload: (result: Result) => Omit<Payload, "userErrors">;
}

/**
 * A mutation: its input, its payload and the domain command it runs through the one runner
 * (src/domain/command.ts), which turns DomainErrors into the payload's userErrors and hands the
 * command's work to the engine after the commit.
 */
export function commandMutation<
  Input extends object,
  Shape extends Input,
  Result,
  Payload extends { userErrors: UserError[] },
>(name: string, mutation: CommandMutation<Input, Shape, Result, Payload>): void {
  builder.mutationField(name, (t) =>
    t.field({
      type: mutation.payload as ObjectRef<Types, { userErrors: UserError[] }>,
      description: mutation.description,
      args: { input: t.arg({ type: mutation.input as InputObjectRef<Types, object>, required: true }) },
      resolve: async (_root, args, ctx) => {
        const outcome = await runCommand(mutation.command, commandDeps(ctx), args.input as Shape, {
          afterCommit: ctx.afterCommit,
        });
        if (!outcome.ok) return { userErrors: outcome.userErrors };
        return { ...mutation.toPayload(outcome.result), userErrors: [] };
      },
    }),
  );
}
