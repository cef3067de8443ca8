import { useState } from "react";
import { type AnyVariables, type DocumentInput, useMutation } from "urql";
import type { UserError } from "../components/Field.tsx";

/**
 * A dialog's mutation: `submit` runs it and keeps the payload's userErrors for the form to show;
 * it resolves to the payload, or to undefined when the request itself failed.
 */
export function useFormMutation<
  Data,
  Variables extends AnyVariables,
  Payload extends { userErrors: readonly UserError[] },
>(document: DocumentInput<Data, Variables>, payloadOf: (data: Data) => Payload) {
  const [errors, setErrors] = useState<readonly UserError[]>([]);
  const [{ fetching }, execute] = useMutation(document);
  const submit = async (variables: Variables): Promise<Payload | undefined> => {
    const { data } = await execute(variables);
    if (!data) return undefined;
    const payload = payloadOf(data);
    setErrors(payload.userErrors);
    return payload;
  };
  return { errors, fetching, submit };
}
