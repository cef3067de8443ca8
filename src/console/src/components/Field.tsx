import { type ReactNode, useId } from "react";
import { fieldKey } from "../format.ts";
import type { ConsoleUserErrorFragment } from "../gql/graphql.ts";

export type UserError = ConsoleUserErrorFragment;

/** The userErrors' messages as one sentence list. */
export const messagesOf = (errors: readonly UserError[]) => errors.map((e) => e.message).join(" ");

/** The userErrors that belong to one input field (by the API's `field` path). */
export const errorsFor = (errors: readonly UserError[], key: string) =>
  errors.filter((e) => fieldKey(e.field) === key);

/** The userErrors no field of the form shows: they go above the form. */
export const unplacedErrors = (errors: readonly UserError[], keys: readonly string[]) =>
  errors.filter((e) => !keys.includes(fieldKey(e.field)));

interface FieldProps {
  label: string;
  errors?: readonly UserError[];
  hint?: ReactNode;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A labelled control with its userErrors right under it, tied to it by aria-describedby. */
export function Field({ label, errors = [], hint, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={errors.length ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": errors.length > 0, "aria-describedby": describedBy || undefined })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p className="field-error" id={errorId} role="alert">
          {messagesOf(errors)}
        </p>
      ) : null}
    </div>
  );
}

export function FormErrors({ errors }: { errors: readonly UserError[] }) {
  if (!errors.length) return null;
  return (
    <div className="form-errors" role="alert">
      {errors.map((e) => (
        <p key={`${e.code}-${e.message}`}>{e.message}</p>
      ))}
    </div>
  );
}
