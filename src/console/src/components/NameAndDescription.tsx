import { useState } from "react";
import { errorsFor, Field, type UserError } from "./Field.tsx";

const NAME_HINT = "2–128 characters: starts with a letter, then letters, digits, '.', ':', '_' or '-'.";
const DESCRIPTION_HINT = "Up to 256 characters.";

/** The state behind <NameAndDescription>: spread it into the component, read it on submit. */
export function useNameAndDescription(initial: { name: string; description?: string | null }) {
  const [name, onName] = useState(initial.name);
  const [description, onDescription] = useState(initial.description ?? "");
  return { name, description, onName, onDescription };
}

/** The name and description of an image, as every image dialog asks for them, with their userErrors. */
export function NameAndDescription({
  name,
  description,
  onName,
  onDescription,
  errors,
  hints = false,
}: {
  name: string;
  description: string;
  onName(value: string): void;
  onDescription(value: string): void;
  errors: readonly UserError[];
  /** Show the rules under the fields (the creation dialog does). */
  hints?: boolean;
}) {
  return (
    <>
      <Field label="Name" errors={errorsFor(errors, "name")} hint={hints ? NAME_HINT : undefined}>
        {(props) => <input {...props} type="text" value={name} onChange={(e) => onName(e.target.value)} />}
      </Field>
      <Field
        label="Description"
        errors={errorsFor(errors, "description")}
        hint={hints ? DESCRIPTION_HINT : undefined}
      >
        {(props) => (
          <textarea {...props} rows={3} value={description} onChange={(e) => onDescription(e.target.value)} />
        )}
      </Field>
    </>
  );
}
